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
/** Words that say nothing about the flags: "ACK only", "SYN and ACK", "flags [S.]". */
const FLAG_FILLERS = new Set(['and', 'only', 'just', 'flag', 'flags', 'set', 'with']);

/** "syn ack", "SYN+ACK", "SYNACK", "ACK only", "SA", "[S.]", "Flags [P.]" → the set of flags; undefined when unreadable. */
export function parseFlags(text: string): Flag[] | undefined {
	// Chinese: "SYN 和 ACK", "只有 ACK", "标志位 SYN".
	const t = text.trim().toLowerCase().replace(/和|与|以及|只有|仅|标志位?/g, ' ').trim().replace(/^flags\s*/, '').replace(/^\[|\]$/g, '');
	if (t === '') return undefined;
	if (t === 'none' || t === 'no flags') return [];
	// "synack", "finack": flag names run together, as people write SYNACK.
	const words = t.split(/[\s,+|/&-]+/).filter(w => w !== '' && !FLAG_FILLERS.has(w))
		.flatMap(w => (FLAG_WORDS[w] || !/^(syn|ack|fin|rst|psh|urg)+$/.test(w) ? [w] : w.match(/syn|ack|fin|rst|psh|urg/g)!));
	const out = new Set<Flag>();
	if (words.length > 0 && words.every(w => FLAG_WORDS[w])) for (const w of words) out.add(FLAG_WORDS[w]!);
	else if (/^[safrpu.]+$/.test(t.replace(/[\s,+]/g, ''))) for (const c of t.replace(/[\s,+]/g, '')) out.add(FLAG_LETTERS[c]!);
	else return undefined;
	return [...out];
}

/**
 * Does an answer name the segment's flags? The asked ones (SYN, ACK, FIN, RST) must match. PSH and URG
 * are never asked, so leaving them out is right; naming one the segment does not carry is not.
 */
export function sameFlags(given: readonly Flag[], actual: readonly Flag[]): boolean {
	return ASKED_FLAGS.every(f => given.includes(f) === actual.includes(f)) && given.every(f => actual.includes(f));
}

/** "SYN,ACK" — the control flag first, as people write it. */
export function showFlags(flags: readonly Flag[]): string {
	const asked = ['SYN', 'FIN', 'RST', 'ACK'].filter(f => flags.includes(f as Flag));
	return asked.length === 0 ? 'none' : asked.join(',');
}

const STATE_ALIASES: Record<string, State> = {
	...Object.fromEntries(STATES.map(s => [key(s), s])),
	// ss prints SYN-RECV, ESTAB and UNCONN (a closed socket); netstat SYN_RECV and CLOSE; BSD SYN_RCVD; Windows LISTENING.
	SYNRECV: 'SYN-RECEIVED', SYNRCVD: 'SYN-RECEIVED', ESTAB: 'ESTABLISHED', UNCONN: 'CLOSED', CLOSE: 'CLOSED', LISTENING: 'LISTEN',
};

function key(s: string): string {
	return s.toUpperCase().replace(/\b(THE|STATE)\b/g, '').replace(/[^A-Z0-9]/g, '');
}

/** "fin-wait-1", "FIN_WAIT1", "finwait1", "the TIME-WAIT state", ss's "SYN-RECV" → the RFC 9293 name. "fin wait" alone is ambiguous: unread. */
export function parseState(text: string): State | undefined {
	return STATE_ALIASES[key(text)];
}

/** The ISNs that "x" and "y" stand for (the boy's and the girl's numbers in the letter story). */
export type Isns = Readonly<Record<Side, number>>;

/**
 * A number: "1001", "x+1", "X + 1", "y+1+200", "isn+1" (isn = `self`), "ack 1001" or "seq=1001" as tcpdump and
 * Wireshark label them. Returns an absolute value when the answer names an ISN, or a plain number otherwise
 * (the caller decides whether that is relative).
 */
export function parseNumber(text: string, isns: Isns, self?: Side): {value: number; absolute: boolean} | undefined {
	const t = text.trim().toLowerCase().replace(/^(seq|ack)\b\s*[=:]?/, '').replace(/\s+/g, '');
	const m = /^(x|y|isn|client\.?isn|server\.?isn|\d+)((?:[+-]\d+)*)$/.exec(t);
	if (!m) return undefined;
	const name = m[1]!;
	const offset = [...m[2]!.matchAll(/([+-])(\d+)/g)].reduce((n, [, sign, d]) => n + Number(d) * (sign === '-' ? -1 : 1), 0);
	if (/^\d/.test(name)) {
		const value = Number(name) + offset;
		return value < 0 ? undefined : {value: value >>> 0, absolute: false};
	}
	const side: Side | undefined = name.startsWith('x') || name.startsWith('client') ? 'client'
		: name.startsWith('y') || name.startsWith('server') ? 'server' : self;
	if (!side) return undefined;
	return {value: (isns[side] + offset) >>> 0, absolute: true};
}

const SENDERS: Record<string, Side | 'nobody'> = {
	client: 'client', c: 'client', boy: 'client', server: 'server', s: 'server', girl: 'server',
	nobody: 'nobody', none: 'nobody', neither: 'nobody', no: 'nobody',
	客户端: 'client', 客户: 'client', 男孩: 'client', 服务器: 'server', 服务端: 'server', 女孩: 'server', 没有: 'nobody', 无: 'nobody',
};

/** "client", "the server.", "Boy", "客户端", "服务端" → who sends. */
export function parseSender(text: string): Side | 'nobody' | undefined {
	return SENDERS[text.trim().toLowerCase().replace(/^the\s+/, '').replace(/[.!]+$/, '').replace(/^由|发送?$/g, '')];
}

const TIMERS: Record<string, TimerKind | 'none'> = {
	retransmit: 'retransmit', retransmission: 'retransmit', retransmissiontimeout: 'retransmit', retrans: 'retransmit', rto: 'retransmit', rtx: 'retransmit',
	delayedack: 'delayed-ack', delack: 'delayed-ack', delayedacknowledgment: 'delayed-ack', delayedacknowledgement: 'delayed-ack',
	timewait: 'time-wait', '2msl': 'time-wait', keepalive: 'keepalive', sokeepalive: 'keepalive', keepalivetimer: 'keepalive',
	finwait2: 'fin-wait-2', fintimeout: 'fin-wait-2', tcpfintimeout: 'fin-wait-2',
	none: 'none', no: 'none', nothing: 'none',
};

/** Chinese names of the timers (TIME-WAIT and FIN-WAIT-2 keep their names). */
const ZH_TIMERS: Record<string, TimerKind | 'none'> = {重传: 'retransmit', 超时重传: 'retransmit', 延迟确认: 'delayed-ack', 保活: 'keepalive', 无: 'none', 没有: 'none'};

/** "time-wait", "the TIME_WAIT timer", "RTO", "tcp_fin_timeout", "no timer", "重传定时器" → the timer. */
export function parseTimer(text: string): TimerKind | 'none' | undefined {
	const zh = ZH_TIMERS[text.replace(/\s+/g, '').replace(/[.!]+$/, '').replace(/(定时器|计时器)$/, '')];
	return zh ?? TIMERS[text.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '').replace(/timers?$/, '')];
}

const SECONDS_PER: Readonly<Record<string, number>> = {
	'ms': 0.001, 'msec': 0.001, 'msecs': 0.001, 'millisecond': 0.001, 'milliseconds': 0.001,
	's': 1, 'sec': 1, 'secs': 1, 'second': 1, 'seconds': 1,
	'm': 60, 'min': 60, 'mins': 60, 'minute': 60, 'minutes': 60,
	'毫秒': 0.001, '秒': 1, '秒钟': 1, '分': 60, '分钟': 60,
};

/** Seconds: "60", "60s", "1 min", "60000ms", "0.04", ".2 s", "40 ms", "60 秒", "2 分钟"; a bare number is seconds. */
export function parseSeconds(text: string): number | undefined {
	const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*|毫秒|秒钟?|分钟?)\.?\s*$/i.exec(text);
	if (!m) return undefined;
	const scale = SECONDS_PER[(m[2] || 's').toLowerCase()];
	return scale === undefined ? undefined : Number(m[1]) * scale;
}

/** "yes", "y", "true", "Yes.", "是", "对" → true; "no", "false", "myth", "否", "错" → false. */
export function parseYesNo(text: string): boolean | undefined {
	const t = text.trim().toLowerCase().replace(/[.!]+$/, '');
	if (['y', 'yes', 't', 'true', '1', 'right', 'correct', '是', '是的', '对', '正确', '真', '有'].includes(t)) return true;
	if (['n', 'no', 'f', 'false', '0', 'wrong', 'myth', '否', '不', '不是', '错', '错误', '不对', '假', '没有', '谣言'].includes(t)) return false;
	return undefined;
}
