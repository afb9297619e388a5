// A scenario step in words, for a step the lesson's story says nothing about ("The client calls
// close()."): the learner sees what happens next without reading the scenario's syntax.
import {ENGLISH, type Texts} from '../i18n/texts.js';
import type {Call} from '../sim/calls.js';
import type {Step} from '../sim/scenario.js';
import type {Side} from '../sim/segment.js';

/** Who makes the call: "the client", "client A", or "the server (client A's connection)". */
function caller(side: Side, client: string | undefined, {t}: Texts): string {
	if (!client) return t(`side.${side}`);
	return t(side === 'client' ? 'side.clientNamed' : 'side.serverOf', {name: client});
}

function callText(side: Side, call: Call, texts: Texts, client?: string): string {
	const {t} = texts;
	const who = {side: caller(side, client, texts)};
	switch (call.name) {
		case 'listen': return t(call.reuseAddr ? 'caption.listenReuseaddr' : 'caption.listen', who);
		case 'close': return t(call.listener ? 'caption.closeListener' : 'caption.close', who);
		case 'accept': return call.forUs !== undefined ? t('caption.acceptFor', {...who, time: seconds(call.forUs, texts)})
			: t(call.all ? 'caption.acceptAll' : 'caption.accept', who);
		case 'send': return t(call.more ? 'caption.sendMore' : 'caption.send', {...who, bytes: call.bytes ?? 0});
		case 'keepalive': return call.keepalive
			? t('caption.keepaliveTimes', {...who, idle: seconds(call.keepalive.idleUs, texts), interval: seconds(call.keepalive.intvlUs, texts), probes: call.keepalive.probes})
			: t('caption.keepalive', who);
		default: return t(`caption.${call.name}`, who);
	}
}

function seconds(us: number, {t}: Texts): string {
	const s = us / 1e6;
	return s < 1 ? t('caption.ms', {n: Math.round(s * 1000)}) : t('caption.s', {n: Number(s.toFixed(3))});
}

/** One call of several at the same instant, as a clause: "the client calls close()". */
function clause(text: string, lang: Texts['lang']): string {
	const bare = text.replace(/[.。]$/, '');
	return lang === 'en' ? bare.replace(/^The /, 'the ') : bare;
}

export function describeStep(step: Step, texts: Texts = ENGLISH): string {
	const {t} = texts;
	switch (step.kind) {
		case 'call': return callText(step.side, step.call, texts, step.client);
		case 'together': return t('caption.together', {calls: step.calls.map(c => clause(callText(c.side, c.call, texts), texts.lang)).join(t('caption.togetherJoin'))});
		case 'wait': return t('caption.wait', {time: seconds(step.us, texts)});
		case 'net': {
			const r = step.rule;
			const list = r.flags?.length ? r.flags.join(',') : '';
			const flags = list ? (texts.lang === 'en' ? `${list} ` : ` ${list} `) : '';
			const from = r.from ? t('caption.segments.from', {side: t(`side.${r.from}`)}) : '';
			const what = r.count === Infinity ? t('caption.segments.all', {flags, from})
				: r.count === 1 ? t('caption.segments.one', {flags, from}) : t('caption.segments.many', {n: r.count, flags, from});
			switch (r.action) {
				case 'drop': return t('caption.drop', {what});
				case 'delay': return r.byUs ? t('caption.delayBy', {what, time: seconds(r.byUs, texts)}) : t('caption.delay', {what});
				case 'duplicate': return t('caption.duplicate', {what});
				case 'reorder': return t('caption.reorder', {what});
			}
			return t('caption.drop', {what});
		}
		case 'flood': return t('caption.flood', {n: step.syns});
		case 'inject': return t('caption.inject', {side: t(`side.${step.from}`)});
	}
}
