// How each kind of answer is read, judged and shown: one place per field (flags, seq, state …).
import {STATES} from '../sim/endpoint.js';
import type {Side} from '../sim/segment.js';
import type {SegmentEvent} from '../sim/trace.js';
import {
	parseFlags, parseNumber, parseSeconds, parseSender, parseState, parseTimer, parseYesNo, sameFlags, showFlags, toAscii,
} from './answers.js';
import type {Session} from './engine.js';
import {type Expected, expected, segmentsOf} from './resolve.js';
import {isnsAt} from './seq-sums.js';
import type {Field, Question} from './schema.js';

/** true / false, or undefined when the text cannot be read as this kind of answer. */
export function check(s: Session, q: Question, exp: Expected, typed: string): boolean | undefined {
	const text = readChoice(exp.field, toAscii(typed));
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
function readChoice(f: Field, text: string): string {
	const choices = choicesFor(f);
	return choices && /^\s*\d+\s*$/.test(text) ? choices[Number(text) - 1] ?? text : text;
}

function segmentOf(s: Session, q: Question): SegmentEvent | undefined {
	return q.segment === undefined ? undefined : segmentsOf(s.trace, q.step)[q.segment - 1];
}

export function showExpected(s: Session, q: Question, f: Field): string {
	const e = expected(q, f, s.trace);
	switch (e.field) {
		case 'flags': return showFlags(e.flags);
		// A number before its connection's ISN wraps around in relative numbers (an old segment): say the absolute one too.
		case 'seq': case 'ack': return !s.relative ? String(e.value) : e.relative >= 2 ** 31 ? `${e.relative} (${e.value} absolute)` : String(e.relative);
		case 'len': case 'count': case 'syn-queue': case 'accept-queue': return String(e.value);
		case 'duration': return `${e.value} s`;
		case 'timer': return e.any.join(' or ');
		case 'acked': return e.value ? 'yes' : 'no';
		case 'claim': return e.value ? 'true' : 'false';
		default: return e.value;
	}
}

export function formatHelp(f: Field): string {
	switch (f) {
		case 'flags': return 'flags such as SYN, SYN+ACK, ACK, FIN+ACK, RST';
		// The examples are no lesson's answer: typing something unreadable must not reveal one.
		case 'seq': case 'ack': return 'a number such as 4242, or x+123 / y+123 with x the client\'s ISN and y the server\'s';
		case 'len': case 'count': case 'syn-queue': case 'accept-queue': return 'a whole number';
		case 'sender': return 'client or server';
		case 'state': return `a state: ${STATES.join(', ')}`;
		case 'timer': return 'retransmit, delayed-ack, time-wait, fin-wait-2, keepalive or none';
		case 'duration': return 'seconds, such as 90, 90s, 1.5 min or 250ms';
		case 'acked': return 'yes or no';
		case 'claim': return 'true or false';
	}
}

/** How a field is named where it is asked. */
export const FIELD_LABELS: Readonly<Record<Field, string>> = {
	flags: 'Flags', seq: 'Sequence number (seq)', ack: 'Acknowledgment number (ack)', len: 'Data length (len)',
	sender: 'Who sends it', state: 'State', acked: 'Acknowledged everything received?', timer: 'Timer', duration: 'Duration (seconds)',
	count: 'Number of segments', 'syn-queue': 'SYN queue (half-open connections)', 'accept-queue': 'Accept queue (waiting for accept())', claim: 'True or false',
};

/** The choices a select list offers for a field (text fields return undefined). */
export function choicesFor(f: Field): readonly string[] | undefined {
	switch (f) {
		case 'flags': return ['SYN', 'SYN,ACK', 'ACK', 'FIN,ACK', 'FIN', 'RST', 'RST,ACK'];
		case 'state': return STATES;
		case 'sender': return ['client', 'server'];
		case 'timer': return ['retransmit', 'delayed-ack', 'time-wait', 'fin-wait-2', 'keepalive', 'none'];
		case 'acked': return ['yes', 'no'];
		case 'claim': return ['true', 'false'];
		default: return undefined;
	}
}
