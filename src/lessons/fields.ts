// How each kind of answer is read, judged and shown: one place per field (flags, seq, state …).
import {STATES} from '../sim/endpoint.js';
import type {Side} from '../sim/segment.js';
import type {SegmentEvent} from '../sim/trace.js';
import {
	parseFlags, parseNumber, parseSeconds, parseSender, parseState, parseTimer, parseYesNo, sameFlags, showFlags, toAscii,
} from './answers.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import type {Session} from './engine.js';
import {type Expected, expected, segmentsOf} from './resolve.js';
import {isnsAt} from './seq-sums.js';
import type {Field, Question} from './schema.js';

/** true / false, or undefined when the text cannot be read as this kind of answer. */
export function check(s: Session, q: Question, exp: Expected, typed: string): boolean | undefined {
	const text = readChoice(exp.field, toAscii(typed), s.texts);
	switch (exp.field) {
		case 'flags': {
			const f = parseFlags(text);
			return f === undefined ? undefined : sameFlags(f, exp.flags);
		}
		case 'seq': case 'ack': case 'len': case 'count': case 'syn-queue': case 'accept-queue': {
			const seg = segmentOf(s, q);
			// "isn" is the ISN the number counts from: the sender's for seq, the receiver's for ack.
			const self: Side | undefined = exp.field === 'seq' ? seg?.from : exp.field === 'ack' ? seg?.to : undefined;
			// x and y are the ISNs of the connection this segment belongs to (a lesson may open several).
			const n = parseNumber(text, isnsAt(s.trace, seg), self);
			if (!n) return undefined;
			if (n.absolute) return n.value === exp.value;
			// A plain number may be read off either view: tcpdump prints absolute numbers, Wireshark relative ones.
			return n.value === exp.value || n.value === exp.relative;
		}
		case 'sender': {
			const v = parseSender(text);
			return v === undefined ? undefined : v === exp.value;
		}
		case 'state': {
			const v = parseState(text);
			return v === undefined ? undefined : v === exp.value;
		}
		case 'timer': {
			const v = parseTimer(text);
			return v === undefined ? undefined : exp.any.includes(v);
		}
		case 'duration': {
			const v = parseSeconds(text);
			// Within one 4 ms kernel tick: Linux's 204 ms RTO is TCP_RTO_MIN (200 ms) rounded up to the tick, and 0.2 s says the same.
			return v === undefined ? undefined : Math.abs(v - exp.value) <= 0.005 + 1e-9;
		}
		case 'acked': case 'claim': {
			const v = parseYesNo(text);
			return v === undefined ? undefined : v === exp.value;
		}
	}
}

/** A choice's number, as plain mode lists them (also typed full-width: "２"), stands for the choice. */
function readChoice(f: Field, text: string, texts: Texts): string {
	const choices = choicesFor(f, texts);
	return choices && /^\s*\d+\s*$/.test(text) ? choices[Number(text) - 1] ?? text : text;
}

function segmentOf(s: Session, q: Question): SegmentEvent | undefined {
	return q.segment === undefined ? undefined : segmentsOf(s.trace, q.step)[q.segment - 1];
}

export function showExpected(s: Session, q: Question, f: Field): string {
	const e = expected(q, f, s.trace);
	const {t} = s.texts;
	switch (e.field) {
		case 'flags': return showFlags(e.flags);
		// A number before its connection's ISN wraps around in relative numbers (an old segment): say the absolute one too.
		case 'seq': case 'ack': return !s.relative ? String(e.value) : e.relative >= 2 ** 31 ? t('answer.wrapped', {relative: e.relative, absolute: e.value}) : String(e.relative);
		case 'len': case 'count': case 'syn-queue': case 'accept-queue': return String(e.value);
		case 'duration': return t('answer.seconds', {n: e.value});
		case 'timer': return e.any.map(v => (v === 'none' ? t('choice.none') : v)).join(t('answer.or'));
		case 'acked': return e.value ? t('choice.yes') : t('choice.no');
		case 'claim': return e.value ? t('choice.true') : t('choice.false');
		case 'sender': return t(e.value === 'client' ? 'choice.client' : 'choice.server');
		default: return e.value;
	}
}

export function formatHelp(f: Field, {t}: Texts = ENGLISH): string {
	switch (f) {
		case 'flags': return t('format.flags');
		// The examples are no lesson's answer: typing something unreadable must not reveal one.
		case 'seq': case 'ack': return t('format.number');
		case 'len': case 'count': case 'syn-queue': case 'accept-queue': return t('format.whole');
		case 'sender': return t('format.sender');
		case 'state': return t('format.state', {states: STATES.join(', ')});
		case 'timer': return t('format.timer');
		case 'duration': return t('format.duration');
		case 'acked': return t('format.acked');
		case 'claim': return t('format.claim');
	}
}

/** How a field is named where it is asked ("Sequence number (seq)"). */
export function fieldLabel(f: Field, {t}: Texts = ENGLISH): string {
	return t(`field.${f}`);
}

/** A field's short name, in the line of the answers given so far ("seq", "state"). */
export function fieldName(f: Field, {t}: Texts = ENGLISH): string {
	return t(`short.${f}`);
}

/** How a field is named where it is asked, in English. */
export const FIELD_LABELS: Readonly<Record<Field, string>> = Object.fromEntries(
	(['flags', 'seq', 'ack', 'len', 'sender', 'state', 'acked', 'timer', 'duration', 'count', 'syn-queue', 'accept-queue', 'claim'] as const).map(f => [f, fieldLabel(f)]),
) as Record<Field, string>;

/** The choices a select list offers for a field (text fields return undefined); each reads back as itself (answers.ts). */
export function choicesFor(f: Field, {t}: Texts = ENGLISH): readonly string[] | undefined {
	switch (f) {
		case 'flags': return ['SYN', 'SYN,ACK', 'ACK', 'FIN,ACK', 'FIN', 'RST', 'RST,ACK'];
		case 'state': return STATES;
		case 'sender': return [t('choice.client'), t('choice.server')];
		case 'timer': return ['retransmit', 'delayed-ack', 'time-wait', 'fin-wait-2', 'keepalive', t('choice.none')];
		case 'acked': return [t('choice.yes'), t('choice.no')];
		case 'claim': return [t('choice.true'), t('choice.false')];
		default: return undefined;
	}
}
