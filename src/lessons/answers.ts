// Forgiving answer parsing: "syn ack", "SYN+ACK", "S.", "fin_wait1", "x+1", "60s" all mean what a learner means.
import {STATES, type State, type TimerKind} from '../sim/endpoint.js';
import type {Flag, Side} from '../sim/segment.js';

/**
 * Full-width forms and CJK punctuation, as Chinese input methods type them, read as ASCII:
 * "ＳＹＮ，ＡＣＫ" → "SYN,ACK", "ｘ＋１" → "x+1", "ＴＩＭＥ＿ＷＡＩＴ" → "TIME_WAIT".
 */
export function toAscii(text: string): string {
	// NFKC folds full-width letters, digits, ＋，．＿ and the ideographic space; it leaves 、 and 。 and dashes alone.
	return text.normalize('NFKC').replace(/、/g, ',').replace(/。/g, '.').replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** The flags a learner is asked about. PSH marks the end of a write and is shown but never asked. */
export const ASKED_FLAGS: readonly Flag[] = ['SYN', 'ACK', 'FIN', 'RST'];

const FLAG_WORDS: Record<string, Flag> = {syn: 'SYN', ack: 'ACK', fin: 'FIN', rst: 'RST', reset: 'RST', psh: 'PSH', push: 'PSH', urg: 'URG'};
const FLAG_LETTERS: Record<string, Flag> = {s: 'SYN', a: 'ACK', '.': 'ACK', f: 'FIN', r: 'RST', p: 'PSH', u: 'URG'};

/** "syn ack", "SYN+ACK", "syn,ack", "SA", "[S.]" → the set of flags; undefined when unreadable. */
export function parseFlags(text: string): Flag[] | undefined {
	const t = text.trim().toLowerCase().replace(/^\[|\]$/g, '');
	if (t === '' ) return undefined;
	if (t === 'none' || t === 'no flags') return [];
	const words = t.split(/[\s,+|/&-]+|\band\b/).filter(Boolean);
	const out = new Set<Flag>();
	if (words.every(w => FLAG_WORDS[w])) for (const w of words) out.add(FLAG_WORDS[w]!);
	else if (/^[safrpu.]+$/.test(t.replace(/[\s,+]/g, ''))) for (const c of t.replace(/[\s,+]/g, '')) out.add(FLAG_LETTERS[c]!);
	else return undefined;
	return [...out];
}

/** Compare two flag sets on the flags that are asked (PSH and URG ignored). */
export function sameFlags(a: readonly Flag[], b: readonly Flag[]): boolean {
	return ASKED_FLAGS.every(f => a.includes(f) === b.includes(f));
}

/** "SYN,ACK" — the control flag first, as people write it. */
export function showFlags(flags: readonly Flag[]): string {
	const asked = ['SYN', 'FIN', 'RST', 'ACK'].filter(f => flags.includes(f as Flag));
	return asked.length === 0 ? 'none' : asked.join(',');
}

const STATE_ALIASES: Record<string, State> = {
	...Object.fromEntries(STATES.map(s => [key(s), s])),
	SYNRECV: 'SYN-RECEIVED', SYNRCVD: 'SYN-RECEIVED', ESTAB: 'ESTABLISHED', CLOSE: 'CLOSED',
	FINWAIT: 'FIN-WAIT-1', TIMEWAITING: 'TIME-WAIT',
};

function key(s: string): string {
	return s.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** "fin-wait-1", "FIN_WAIT1", "finwait1", Linux's "SYN_RECV" → the RFC 9293 name. */
export function parseState(text: string): State | undefined {
	return STATE_ALIASES[key(text)];
}

/** The ISNs that "x" and "y" stand for (the boy's and the girl's numbers in the letter story). */
export type Isns = Readonly<Record<Side, number>>;

/**
 * A number: "1001", "x+1", "y + 101", "isn+1" (isn = `self`). Returns an absolute value when the
 * answer names an ISN, or a plain number otherwise (the caller decides whether that is relative).
 */
export function parseNumber(text: string, isns: Isns, self?: Side): {value: number; absolute: boolean} | undefined {
	const t = text.trim().toLowerCase().replace(/\s+/g, '');
	if (/^\d+$/.test(t)) return {value: Number(t), absolute: false};
	const m = /^(x|y|isn|client\.?isn|server\.?isn)(?:([+-])(\d+))?$/.exec(t);
	if (!m) return undefined;
	const name = m[1]!;
	const side: Side | undefined = name.startsWith('x') || name.startsWith('client') ? 'client'
		: name.startsWith('y') || name.startsWith('server') ? 'server' : self;
	if (!side) return undefined;
	const delta = m[3] ? Number(m[3]) * (m[2] === '-' ? -1 : 1) : 0;
	return {value: (isns[side] + delta) >>> 0, absolute: true};
}

const SENDERS: Record<string, Side | 'nobody'> = {
	client: 'client', c: 'client', boy: 'client', server: 'server', s: 'server', girl: 'server',
	nobody: 'nobody', none: 'nobody', neither: 'nobody', no: 'nobody',
};

export function parseSender(text: string): Side | 'nobody' | undefined {
	return SENDERS[text.trim().toLowerCase()];
}

const TIMERS: Record<string, TimerKind | 'none'> = {
	retransmit: 'retransmit', retransmission: 'retransmit', rto: 'retransmit',
	delayedack: 'delayed-ack', delack: 'delayed-ack',
	timewait: 'time-wait', '2msl': 'time-wait',
	finwait2: 'fin-wait-2', fintimeout: 'fin-wait-2', tcpfintimeout: 'fin-wait-2',
	none: 'none', nothing: 'none',
};

export function parseTimer(text: string): TimerKind | 'none' | undefined {
	return TIMERS[text.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

/** Seconds: "60", "60s", "1m", "200ms", "2 min". */
export function parseSeconds(text: string): number | undefined {
	const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|m|min|minutes?)?\s*$/i.exec(text);
	if (!m) return undefined;
	const unit = (m[2] ?? 's').toLowerCase();
	const scale = unit === 'ms' ? 0.001 : unit.startsWith('m') ? 60 : 1;
	return Number(m[1]) * scale;
}

export function parseYesNo(text: string): boolean | undefined {
	const t = text.trim().toLowerCase();
	if (['y', 'yes', 't', 'true', '1', 'right', 'correct'].includes(t)) return true;
	if (['n', 'no', 'f', 'false', '0', 'wrong', 'myth'].includes(t)) return false;
	return undefined;
}
