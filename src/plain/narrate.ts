// Trace events as sentences, one a line: plain mode's view (pipes, screen readers, scripts).
import {ENGLISH, type Texts} from '../i18n/texts.js';
import type {TraceEvent} from '../sim/trace.js';
import {type Session, visible} from '../lessons/engine.js';
import {showFlags} from '../lessons/answers.js';
import {connectionNames} from '../sim/connection-names.js';

/**
 * One event as a line. `names` (connectionNames) tells the connections of a trace of several apart:
 * "client C → server", "server (client C's connection): LISTEN → SYN-RECEIVED".
 */
export function narrate(e: TraceEvent, relative: boolean, texts: Texts = ENGLISH, names: ReadonlyMap<number, string> = new Map()): string | undefined {
	const {t} = texts;
	const conn = 'conn' in e ? e.conn : 0;
	const name = names.get(conn);
	// Whose event: the client or server of a named connection; the listener (conn 0) is just "server".
	const who = (s: 'client' | 'server') => (name ? t(s === 'client' ? 'side.clientNamed' : 'side.serverOf', {name}) : t(`side.${s}`));
	const side = (s: 'client' | 'server') => who(s).trim();
	const colon = t('narrate.colon'); // "：" after Chinese
	switch (e.type) {
		case 'segment': {
			const seq = relative ? e.rel.seq : e.seq;
			const ack = relative ? e.rel.ack : e.ack;
			const end = (s: 'client' | 'server') => (s === 'client' ? side(s) : t('side.server')); // the client names the connection
			const parts = [`${t('narrate.segment', {from: end(e.from), to: end(e.to)})}${colon}${showFlags(e.flags)}`, `seq=${seq}`];
			if (ack !== null) parts.push(`ack=${ack}`);
			if (e.len > 0) parts.push(`len=${e.len}`);
			const fate = e.fate === 'dropped' ? t('narrate.lost') : e.fate === 'duplicated' ? t('narrate.duplicated') : '';
			return `  t=${e.t}s ${parts.join(' ')}${fate}`;
		}
		case 'state': return `  t=${e.t}s ${side(e.endpoint)}${colon}${e.from} → ${e.to} (${texts.sim(e.cause)})`;
		case 'call': return `  t=${e.t}s ${t('narrate.call', {side: who(e.endpoint), call: asCall(e.call)})}${e.result === 'ok' ? '' : ` → ${e.result}`}`;
		case 'timer': return e.action === 'set' && (e.timer === 'time-wait' || e.timer === 'fin-wait-2')
			? `  t=${e.t}s ${t('narrate.timer', {side: side(e.endpoint), timer: e.timer, duration: String(e.duration)})}` : undefined;
		case 'note': return `  t=${e.t}s ${side(e.endpoint)}${colon}${texts.sim(e.note)}`;
		case 'flood': return `  t=${e.t}s ${t('narrate.flood', {n: e.syns, side: side(e.endpoint), queued: e.queued, cookies: e.cookies, dropped: e.dropped})}`;
	}
}

/** The trace's call ("send 100 MSG_MORE") as code: send(100, MSG_MORE). */
function asCall(call: string): string {
	const [name, ...args] = call.split(' ');
	return `${name}(${args.join(', ')})`;
}

/**
 * Tell each event once, in trace order, as soon as the engine lets the learner see it: what a question hides is
 * told right after it is answered. Call the returned function whenever the session may have moved on.
 */
export function eventTeller(write: (line: string) => void, texts: Texts = ENGLISH): (s: Session) => void {
	const told = new Set<number>();
	let named: {trace: Session['trace']; names: ReadonlyMap<number, string>} | undefined;
	const names = (trace: Session['trace']) => (named?.trace === trace ? named : (named = {trace, names: connectionNames(trace)})).names;
	return s => {
		const v = visible(s);
		v.events.forEach((e, k) => {
			const i = v.indexes[k]!;
			if (told.has(i)) return;
			told.add(i);
			const line = narrate(e, s.relative, texts, names(s.trace));
			if (line) write(line);
		});
	};
}
