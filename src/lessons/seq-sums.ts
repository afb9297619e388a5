// Why a seq or ack number is what it is: the sequence space one side of one connection has used,
// term by term (SYN, each data segment, FIN), counted from that connection's ISN.
import type {Trace} from '../sim/run.js';
import {type Side, peerOf} from '../sim/segment.js';
import {seqAdd, seqRelative} from '../sim/seq.js';
import type {SegmentEvent} from '../sim/trace.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import type {Isns} from './answers.js';

/** One thing that used sequence numbers: RFC 9293 3.4 counts one for a SYN, one for a FIN, one per data byte. */
export type SumTerm = {readonly kind: 'SYN' | 'data' | 'FIN'; readonly amount: number};

export type SeqSum = {
	readonly field: 'seq' | 'ack';
	/** Where the count starts: a connection's ISN (x for the client's, y for the server's) or a number the segment copies. */
	readonly start: {readonly name: string; readonly value: number};
	readonly terms: readonly SumTerm[];
	/** start + terms, modulo 2^32: the number in the trace, absolute or relative as shown. */
	readonly total: number;
	/** The rule that gives this number, as the lead of a sentence ("seq is the sender's next unused number (SND.NXT)"). */
	readonly rule: string;
	/** Said after the sum when x or y is not the side's first ISN (a later connection). */
	readonly note?: string;
	/** In relative numbers, a sum that does not start at x or y is also given in absolute numbers (its base named). */
	readonly absolute?: {readonly start: number; readonly total: number; readonly base: string};
};

const ISN_NAME: Record<Side, string> = {client: 'x', server: 'y'};

/** The segments a scenario's `inject` steps put on the wire: old or spoofed, they start no connection. */
export function injectedSegments(trace: Trace): ReadonlySet<SegmentEvent> {
	const out = new Set<SegmentEvent>();
	for (const step of trace.steps) {
		if (step.step.kind !== 'inject') continue;
		const first = trace.events.slice(step.from, step.to).find(e => e.type === 'segment');
		if (first?.type === 'segment') out.add(first);
	}
	return out;
}

type Connection = {
	readonly isn: number;
	/** Index of the SYN that started it. */
	readonly from: number;
	/** The trace's connection number, when the segment asked about belongs to a connection with a SYN of this side. */
	readonly conn?: number;
};

/**
 * Each side's current connection up to event `upto` (inclusive): its latest own SYN, as Wireshark starts a
 * new stream on a SYN. An injected SYN never starts one (the same rule as the trace's relative numbers).
 * When event `upto` is a segment of a connection that side opened with a SYN, that connection wins: with several
 * clients, client C's data is counted from C's ISN even though client E sent a SYN since.
 */
export function connectionsAt(trace: Trace, upto: number): Partial<Record<Side, Connection>> {
	const injected = injectedSegments(trace);
	const at = trace.events[upto];
	const conn = at?.type === 'segment' && !injected.has(at) ? at.conn : undefined;
	const latest: Partial<Record<Side, Connection>> = {};
	const own: Partial<Record<Side, Connection>> = {};
	for (let i = 0; i <= upto && i < trace.events.length; i++) {
		const e = trace.events[i]!;
		if (e.type !== 'segment' || !e.flags.includes('SYN') || injected.has(e)) continue;
		if (latest[e.from]?.isn !== e.seq) latest[e.from] = {isn: e.seq, from: i};
		if (e.conn === conn && own[e.from]?.isn !== e.seq) own[e.from] = {isn: e.seq, from: i, conn};
	}
	// A side with a connection of its own has a latest one too: own only replaces (not {...latest, ...own}, slow in Node 20).
	if (own.client) latest.client = own.client;
	if (own.server) latest.server = own.server;
	return latest;
}

/** What "x" and "y" stand for at a segment: each side's current ISN, or its first one before it has a connection. */
export function isnsAt(trace: Trace, seg: SegmentEvent | undefined): Isns {
	const conns = seg ? connectionsAt(trace, trace.events.indexOf(seg)) : {};
	return {client: conns.client?.isn ?? trace.isn.client, server: conns.server?.isn ?? trace.isn.server};
}

/**
 * Every ISN each side used, in order (a connection per SYN the application's connect or listen started):
 * `{client.isn2}` in lesson text would be `isnsOf(trace).client[1]`.
 */
export function isnsOf(trace: Trace): Readonly<Record<Side, readonly number[]>> {
	const injected = injectedSegments(trace);
	const out: Record<Side, number[]> = {client: [], server: []};
	for (const e of trace.events) {
		if (e.type === 'segment' && e.flags.includes('SYN') && !injected.has(e) && !out[e.from].includes(e.seq)) out[e.from].push(e.seq);
	}
	return out;
}

type Item = {readonly kind: SumTerm['kind']; readonly offset: number; readonly size: number};

/** What `side` put into the sequence space that starts at `c.isn`, in the events from c.from up to (not including) `upto`. */
function itemsOf(trace: Trace, side: Side, c: Connection, upto: number): Item[] {
	const items: Item[] = [];
	for (let i = c.from; i < upto && i < trace.events.length; i++) {
		const e = trace.events[i]!;
		if (e.type !== 'segment' || e.from !== side || e.flags.includes('RST')) continue;
		if (c.conn !== undefined && e.conn !== c.conn) continue; // another client's connection, interleaved with this one
		if (e.flags.includes('SYN')) {
			if (e.seq === c.isn) items.push({kind: 'SYN', offset: 0, size: 1});
			continue;
		}
		const offset = seqRelative(e.seq, c.isn);
		if (offset === 0 || offset >= 2 ** 31) continue; // before this connection's first byte: an old segment
		if (e.len > 0) items.push({kind: 'data', offset, size: e.len});
		if (e.flags.includes('FIN')) items.push({kind: 'FIN', offset: offset + e.len, size: 1});
	}
	const order = {SYN: 0, data: 1, FIN: 2};
	return items.sort((a, b) => a.offset - b.offset || order[a.kind] - order[b.kind]);
}

/** The items that make up exactly the first `target` numbers, each byte once; undefined if they do not. */
function cut(items: readonly Item[], target: number): SumTerm[] | undefined {
	const terms: SumTerm[] = [];
	let used = 0;
	for (const it of items) {
		if (used >= target) break;
		const end = it.offset + it.size;
		if (end <= used) continue; // sent before: a retransmission or a duplicate counts once
		if (it.offset > used || end > target) return undefined; // a gap, or a cut inside a segment
		terms.push({kind: it.kind, amount: end - used});
		used = end;
	}
	return used === target ? terms : undefined;
}

/** `value` as side's sequence space in its current connection at event `at` (items before `upto`). */
function decompose(trace: Trace, side: Side, value: number, at: number, upto: number): {isn: number; terms: SumTerm[]} | undefined {
	const c = connectionsAt(trace, at)[side];
	if (!c) return undefined;
	const target = seqRelative(value, c.isn);
	if (target >= 2 ** 31) return undefined;
	const terms = cut(itemsOf(trace, side, c, upto), target);
	return terms && {isn: c.isn, terms};
}

/** The latest segment to `seg`'s sender, before it, that `match` picks: the one this segment answers. */
function answered(trace: Trace, seg: SegmentEvent, match: (e: SegmentEvent) => boolean): SegmentEvent | undefined {
	const i = trace.events.indexOf(seg);
	return trace.events.slice(0, i).reverse().find((e): e is SegmentEvent => e.type === 'segment' && e.to === seg.from && match(e));
}

/** "SYN,ACK", or "data segment" for one that carries data. */
function flagsName(e: SegmentEvent, {t}: Texts): string {
	return e.len > 0 ? t('sum.dataSegment') : ['SYN', 'FIN', 'RST', 'ACK'].filter(f => e.flags.includes(f as never)).join(',');
}

/** The sum behind a segment's seq or ack, in absolute numbers; undefined for an ack number the segment does not carry. */
export function absoluteSum(trace: Trace, seg: SegmentEvent, field: 'seq' | 'ack', texts: Texts = ENGLISH): SeqSum | undefined {
	const {t} = texts;
	const side = (s: Side) => t(`side.${s}`);
	const i = trace.events.indexOf(seg);
	const injected = injectedSegments(trace).has(seg);
	const named = (side: Side, d: {isn: number; terms: SumTerm[]}, rule: string): SeqSum => ({
		field, start: {name: ISN_NAME[side], value: d.isn}, terms: d.terms, rule, ...laterConnection(trace, side, d.isn, texts),
		total: d.terms.reduce((n, t) => seqAdd(n, t.amount), d.isn),
	});
	const copied = (name: string, value: number, rule: string): SeqSum => ({field, start: {name, value}, terms: [], total: value, rule});
	if (field === 'seq') {
		if (injected) return copied(t('sum.start.sentWith'), seg.seq, t('sum.injected'));
		if (seg.flags.includes('RST') && seg.ack === null) {
			// RFC 9293 3.10.7.1 (and 3.10.7.3, 3.10.7.4 for a bad ACK): <SEQ=SEG.ACK><CTL=RST>.
			const cause = answered(trace, seg, e => e.ack === seg.seq);
			const rule = cause ? t('sum.rstSeqHere', {side: side(cause.from), what: flagsName(cause, texts)}) : t('sum.rstSeq');
			const d = decompose(trace, seg.from, seg.seq, i, i);
			return d ? named(seg.from, d, rule) : copied(cause ? t('sum.start.ackOfThat', {what: flagsName(cause, texts)}) : t('sum.start.ackItAnswers'), seg.seq, rule);
		}
		const d = decompose(trace, seg.from, seg.seq, i, i);
		if (d) {
			const sent = itemsOf(trace, seg.from, connectionsAt(trace, i)[seg.from]!, i);
			const resent = d.terms.reduce((n, t) => n + t.amount, 0) < Math.max(0, ...sent.map(it => it.offset + it.size));
			// A bare ACK below SND.NXT is a keepalive probe (Linux tcp_xmit_probe_skb): one below SND.UNA, a byte the peer already has.
			const probe = resent && seg.len === 0 && seg.flags.length === 1 && seg.flags[0] === 'ACK';
			const rule = seg.flags.includes('SYN') ? t('sum.synSeq', {side: side(seg.from), isn: ISN_NAME[seg.from]})
				: probe ? t('sum.probe') : resent ? t('sum.resent') : t('sum.sndNxt');
			return named(seg.from, d, rule);
		}
		const cause = seg.flags.includes('RST') ? answered(trace, seg, e => e.ack === null && seqAdd(e.seq, seqLengthOf(e)) === seg.ack) : undefined;
		// RFC 9293 3.10.7.1: a segment without ACK is answered with <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
		if (cause && seg.seq === 0) return copied('0', 0, t('sum.rstZero', {side: side(cause.from), what: flagsName(cause, texts)}));
		return copied(t('sum.start.senderChose'), seg.seq, t('sum.noSeqRule'));
	}
	if (seg.ack === null) return undefined;
	const peer = peerOf(seg.from);
	const d = decompose(trace, peer, seg.ack, i, i);
	const closed = seg.flags.includes('RST') && seg.seq === 0;
	const rule = closed ? t('sum.rstAck') : t('sum.rcvNxt', {side: side(seg.from), peer: side(peer)});
	if (d) return named(peer, d, rule);
	// A SYN that starts no connection (an old duplicate) is still acknowledged: RCV.NXT = SEG.SEQ + 1 (RFC 9293 3.10.7.2).
	const syn = answered(trace, seg, e => e.flags.includes('SYN') && seqAdd(e.seq, 1) === seg.ack);
	if (syn) return {...copied(t(injectedSegments(trace).has(syn) ? 'sum.start.oldSynOf' : 'sum.start.synOf', {side: side(syn.from)}), syn.seq, rule), terms: [{kind: 'SYN', amount: 1}], total: seg.ack};
	return copied(t('sum.start.senderChose'), seg.ack, t('sum.noAckRule'));
}

/** SEG.LEN as RFC 9293 3.4 counts it: data bytes, plus one each for SYN and FIN. */
function seqLengthOf(e: SegmentEvent): number {
	return e.len + (e.flags.includes('SYN') || e.flags.includes('FIN') ? 1 : 0);
}

/** A note when x or y is not the ISN the lesson text calls {client.isn} / {server.isn}. */
function laterConnection(trace: Trace, side: Side, isn: number, {t}: Texts): {note?: string} {
	return isn === trace.isn[side] ? {} : {note: t('sum.laterConnection', {isn: ISN_NAME[side], side: t(`side.${side}`)})};
}

/** The sum in the numbers the learner sees: relative numbers count the connection's ISN as 0, as Wireshark does. */
export function seqSum(trace: Trace, seg: SegmentEvent, field: 'seq' | 'ack', relative: boolean, texts: Texts = ENGLISH): SeqSum | undefined {
	const sum = absoluteSum(trace, seg, field, texts);
	if (!sum || !relative) return sum;
	const abs = field === 'seq' ? seg.seq : seg.ack;
	const rel = field === 'seq' ? seg.rel.seq : seg.rel.ack;
	if (abs === null || rel === null) return sum;
	const shift = (rel - abs) >>> 0;
	const base = ISN_NAME[field === 'seq' ? seg.from : seg.to];
	const named = sum.start.name === base;
	return {
		...sum, start: {...sum.start, value: seqAdd(sum.start.value, shift)}, total: rel,
		...(named || shift === 0 ? {} : {absolute: {start: sum.start.value, total: sum.total, base}}),
	};
}

/** "ack = y + 1 (SYN) + 200 (data) + 1 (FIN) = 1130677064 + 1 + 200 + 1 = 1130677266": x/y notation, then numbers. */
export function showSum(sum: SeqSum, texts: Texts = ENGLISH): string {
	const parts = groupData(sum.terms, texts);
	const {start, total} = sum.absolute ?? {start: sum.start.value, total: sum.total};
	const symbolic = [sum.start.name, ...parts.map(p => `${p.amount} (${p.label})`)].join(' + ');
	const numeric = [String(start), ...parts.map(p => String(p.amount))].join(' + ');
	const chain = parts.length === 0
		? (sum.start.name === String(total) ? [sum.start.name] : [sum.start.name, String(total)])
		: [symbolic, numeric, String(total)];
	// A number that lies before this connection's ISN wraps around in relative numbers, as in Wireshark.
	const relative = sum.absolute ? texts.t('sum.orRelative', {total: sum.total, base: sum.absolute.base}) : '';
	return `${sum.field} = ${chain.join(' = ')}${relative}`;
}

/** Four or more data segments in a row read better as one term: "4380 (data, 4 segments)". */
function groupData(terms: readonly SumTerm[], {t}: Texts): {amount: number; label: string}[] {
	const out: {amount: number; label: string}[] = [];
	for (let i = 0; i < terms.length;) {
		let j = i;
		while (j < terms.length && terms[j]!.kind === 'data') j++;
		if (j === i) {
			out.push({amount: terms[i]!.amount, label: t(`sum.term.${terms[i]!.kind}`)});
			i++;
		} else if (j - i > 3) {
			out.push({amount: terms.slice(i, j).reduce((n, term) => n + term.amount, 0), label: t('sum.term.dataSegments', {n: j - i})});
			i = j;
		} else {
			// Up to three are listed one by one, so a learner can match each with the diagram.
			for (; i < j; i++) out.push({amount: terms[i]!.amount, label: t('sum.term.data')});
		}
	}
	return out;
}
