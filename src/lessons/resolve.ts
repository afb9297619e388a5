// A question's answers, read from the trace (never from the lesson), and the rule that decides each.
import type {Snapshot, TimerKind} from '../sim/endpoint.js';
import type {Side} from '../sim/segment.js';
import type {Trace} from '../sim/run.js';
import type {SegmentEvent} from '../sim/trace.js';
import {showFlags} from './answers.js';
import type {Claim, Field, Question} from './schema.js';
import {seqSum, showSum} from './seq-sums.js';

/** The expected value of one field. Numbers carry both forms; `any` lists every accepted value. */
export type Expected =
	| {readonly field: 'flags'; readonly flags: SegmentEvent['flags']}
	| {readonly field: 'seq' | 'ack' | 'len' | 'count' | 'syn-queue' | 'accept-queue'; readonly value: number; readonly relative: number}
	| {readonly field: 'sender'; readonly value: Side}
	| {readonly field: 'state'; readonly value: Snapshot['state']}
	| {readonly field: 'timer'; readonly any: readonly (TimerKind | 'none')[]}
	| {readonly field: 'duration'; readonly value: number}
	| {readonly field: 'acked' | 'claim'; readonly value: boolean};

/** A question that cannot be answered from this trace (the step sent fewer segments, no timer runs …). */
export class NoAnswer extends Error {}

export type Position = {readonly segment?: SegmentEvent; readonly after: Readonly<Record<Side, Snapshot>>};

/** The segment or step a question points at. */
export function position(q: Question, trace: Trace): Position {
	const step = trace.steps[q.step];
	if (!step) throw new NoAnswer(`the scenario has no step ${q.step + 1}`);
	if (q.segment === undefined) return {after: step.after};
	const segs = segmentsOf(trace, q.step);
	const segment = segs[q.segment - 1];
	if (!segment) throw new NoAnswer(`step ${q.step + 1} (${step.step.text}) sends ${segs.length} segment(s), not ${q.segment}`);
	return {segment, after: segment.after ?? step.after};
}

export function segmentsOf(trace: Trace, stepIndex: number): SegmentEvent[] {
	const step = trace.steps[stepIndex];
	if (!step) return [];
	return trace.events.slice(step.from, step.to).filter((e): e is SegmentEvent => e.type === 'segment');
}

export function expected(q: Question, field: Field, trace: Trace): Expected {
	const pos = position(q, trace);
	if (field === 'claim') {
		if (!q.claim) throw new NoAnswer('a claim question needs "claim"');
		return {field: 'claim', value: evaluateClaim(q, q.claim, trace)};
	}
	return resolveField(q, field, pos, trace);
}

function resolveField(q: Question, field: Exclude<Field, 'claim'>, pos: Position, trace: Trace): Expected {
	const seg = pos.segment;
	const needSeg = () => {
		if (!seg) throw new NoAnswer(`asking ${field} needs a segment`);
		return seg;
	};
	const snap = () => pos.after[q.endpoint ?? 'client'];
	switch (field) {
		case 'flags': return {field, flags: needSeg().flags};
		case 'seq': return {field, value: needSeg().seq, relative: needSeg().rel.seq};
		case 'ack': {
			const s = needSeg();
			if (s.ack === null || s.rel.ack === null) throw new NoAnswer(`segment ${q.segment} of step ${q.step + 1} has no ACK flag, so no ack number`);
			return {field, value: s.ack, relative: s.rel.ack};
		}
		case 'len': return {field, value: needSeg().len, relative: needSeg().len};
		case 'sender': return {field, value: needSeg().from};
		case 'state': return {field, value: snap().state};
		case 'acked': return {field, value: snap().acked};
		case 'timer': {
			const timers = snap().timers.filter(t => q.timer === undefined || t.timer === q.timer);
			return {field, any: timers.length === 0 ? ['none'] : timers.map(t => t.timer)};
		}
		case 'duration': {
			const timers = snap().timers.filter(t => q.timer === undefined || t.timer === q.timer);
			const t = timers[0];
			if (!t || (q.timer === undefined && timers.length > 1)) throw new NoAnswer(`no single ${q.timer ?? ''} timer runs on the ${q.endpoint} after step ${q.step + 1}`.replace('  ', ' '));
			return {field, value: t.duration};
		}
		case 'syn-queue': case 'accept-queue': {
			// The listener's queues as `ss -lnt` shows them (the accept queue is Recv-Q) once the position is reached.
			const queues = pos.after.server.queues;
			if (!queues) throw new NoAnswer(`no listener is listening after step ${q.step + 1}, so it has no queues`);
			const n = field === 'syn-queue' ? queues.syn : queues.accept;
			return {field, value: n, relative: n};
		}
		case 'count': {
			let n = 0;
			for (let i = q.step; i <= (q.through ?? q.step); i++) n += segmentsOf(trace, i).length;
			return {field, value: n, relative: n};
		}
	}
}

function evaluateClaim(q: Question, claim: Claim, trace: Trace): boolean {
	const e = resolveField(q, claim.field, position(q, trace), trace);
	if ('includes' in claim) return e.field === 'flags' && e.flags.includes(claim.includes.toUpperCase() as never);
	switch (e.field) {
		case 'flags': return showFlags(e.flags) === String(claim.equals).toUpperCase().replace(/[\s+]/g, ',');
		case 'timer': return e.any.includes(claim.equals as never);
		case 'seq': case 'ack': case 'len': case 'count': case 'syn-queue': case 'accept-queue': return e.value === claim.equals;
		default: return e.value === claim.equals;
	}
}

/** The first field of a question this trace cannot answer, and why; undefined when play can ask every field. */
export function unanswerable(q: Question, trace: Trace): {readonly field: Field; readonly reason: string} | undefined {
	for (const field of q.ask) {
		try {
			expected(q, field, trace);
			ruleFor(q, field, trace, false); // what play shows after an answer (the numbering changes only the numbers it prints)
		} catch (error) {
			return {field, reason: error instanceof Error ? error.message : String(error)};
		}
	}
	return undefined;
}

/** The rule that decides a value, without giving it away: shown after a wrong answer, whatever is asked next. */
export const RULES: Readonly<Record<Field, string>> = {
	flags: 'Ask what this segment must do: acknowledge what arrived (ACK), open a direction (SYN), close one (FIN), or refuse and tear down (RST). PSH is never required; name it only on data that ends a write.',
	seq: 'seq is the number of the segment\'s first byte. A new segment takes the sender\'s next unused number (SND.NXT): its ISN, + 1 for its SYN, + each data byte sent, + 1 for its FIN once sent. A retransmission repeats its old seq.',
	ack: 'ack is the next number the sender expects from its peer (RCV.NXT): the peer\'s ISN, + 1 for its SYN, + each byte received in order, + 1 for its FIN once it arrived.',
	len: 'len counts data bytes only: SYN, FIN and a pure ACK carry none.',
	sender: 'Who has something to send, or something to acknowledge, at this point?',
	state: 'A state changes on the application\'s call or on an arriving segment: which of them reached this endpoint last?',
	acked: 'Has this endpoint already sent an ACK that covers everything it received, or does it still owe one?',
	timer: 'Which timer guards what this endpoint waits for now: an ACK (retransmit), its own ACK owed (delayed-ack), old duplicates (time-wait), or a FIN that may never come (fin-wait-2)?',
	duration: 'TIME-WAIT lasts 2×MSL (Linux fixes it at 60 s); an orphaned FIN-WAIT-2 lasts tcp_fin_timeout (60 s by default); the RTO starts at 1 s, is 200 ms on an established Linux connection, and doubles on each retry; a delayed ACK waits up to 40 ms.',
	count: 'Count every segment put on the wire, lost ones included.',
	'syn-queue': 'The SYN queue holds the half-open connections: each SYN answered with a SYN,ACK whose final ACK has not been taken yet (a flood\'s spoofed ones too), until it is ACKed or its SYN,ACK retries run out.',
	'accept-queue': 'The accept queue holds the connections whose handshake is complete and that the application has not accept()ed yet. It counts as full when more than the backlog wait (min(backlog, somaxconn)), so backlog + 1 fit.',
	claim: 'Check the claim against what the trace shows, not against what blog posts say.',
};

/**
 * The rule that decides a value, in a sentence, with this trace's numbers (after a right answer or a reveal).
 * It never gives away a field the question asks later (q.ask after `field`): a timer's rule names no duration
 * when the duration is asked next.
 */
export function ruleFor(q: Question, field: Field, trace: Trace, relative: boolean): string {
	const pos = position(q, trace);
	const seg = pos.segment;
	const later = q.ask.slice(q.ask.indexOf(field) + 1);
	const ep = q.endpoint ?? 'client';
	switch (field) {
		case 'seq':
		case 'ack': return seg ? sumRule(trace, seg, field, relative) : '';
		case 'len': return 'len counts data bytes only: SYN, FIN and a pure ACK carry none.';
		case 'flags': {
			if (!seg) return '';
			const who = later.includes('sender') ? 'This segment carries' : `The ${seg.from} sent`;
			return `${who} ${showFlags(seg.flags)}${seg.flags.includes('PSH') ? ' (tcpdump also shows PSH: this data ends a write)' : ''}.`;
		}
		case 'sender': return seg ? `The next segment comes from the ${seg.from}.` : '';
		case 'state': {
			const change = lastStateChange(trace, q, ep, pos);
			return change ? `The ${ep} went ${change.from} → ${change.to} on "${change.cause}".` : `The ${ep} stayed in ${pos.after[ep].state}.`;
		}
		case 'timer':
		case 'duration': {
			const timers = pos.after[ep].timers;
			if (timers.length === 0) return `No timer runs on the ${ep}.`;
			const withDuration = !later.includes('duration');
			return timers.map(t => (withDuration
				? `${t.timer} runs for ${t.duration} s: ${timerRule(t.timer, trace)}`
				: `${t.timer} runs: ${TIMER_WHY[t.timer]}`)).join(' ');
		}
		case 'count': return 'Count every segment put on the wire, lost ones included.';
		case 'syn-queue': case 'accept-queue': return RULES[field];
		case 'acked': {
			if (pos.after[ep].acked) return `The ${ep} has acknowledged everything it received.`;
			const timerLater = later.includes('timer') || later.includes('duration');
			return `The ${ep} still owes an ACK for what it received${timerLater ? '.' : ' (Linux may hold it back, hoping to send it along with data or a FIN).'}`;
		}
		case 'claim': {
			const f = q.claim?.field;
			return seg && (f === 'seq' || f === 'ack') ? sumRule(trace, seg, f, relative) : '';
		}
	}
}

/** "ack is the next number … (RCV.NXT): ack = y + 1 (SYN) + 200 (data) = 1130677064 + 1 + 200 = 1130677265." */
function sumRule(trace: Trace, seg: SegmentEvent, field: 'seq' | 'ack', relative: boolean): string {
	const sum = seqSum(trace, seg, field, relative);
	if (!sum) return '';
	const notes = [sum.note, relative && /^[xy]$/.test(sum.start.name) ? `relative numbers count ${sum.start.name} as 0` : undefined].filter(Boolean);
	return `${sum.rule}: ${showSum(sum)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}.`;
}

/** Why each timer runs, without its length (for when the duration is asked next). */
const TIMER_WHY: Record<TimerKind, string> = {
	'retransmit': 'what this endpoint sent is not acknowledged yet; if no ACK comes in time, it is sent again.',
	'delayed-ack': 'Linux holds an ACK back for a moment, hoping to send it along with data or a FIN.',
	'time-wait': 'the connection is kept after the close, so that a lost last ACK can be repeated and old duplicates of this connection die out.',
	'fin-wait-2': 'a closed (orphaned) socket does not wait forever for the peer\'s FIN: net.ipv4.tcp_fin_timeout bounds it.',
	'syn-queue': 'a half-open request lives until its SYN-ACK retries (tcp_synack_retries) run out.',
	'keepalive': 'SO_KEEPALIVE probes a connection that has been idle too long, to find out whether the peer is still there.',
};

/** Why each timer runs and what decides its length, as the trace's profile does it. */
function timerRule(timer: TimerKind, trace: Trace): string {
	const linux = trace.profile === 'linux';
	switch (timer) {
		case 'retransmit': return linux
			? 'the retransmission timeout starts at 1 s (RFC 6298 2.1); Linux 6.x resends a SYN five times 1 s apart (tcp_syn_linear_timeouts = 4), then doubles. Once connected it is 204 ms (TCP_RTO_MIN 200 ms plus the tiny loopback RTT, rounded up to a 4 ms tick): the first expiry resends the last segment as a tail-loss probe, later ones double.'
			: 'the retransmission timeout starts at 1 s (RFC 6298 2.1) and doubles on each retry.';
		case 'delayed-ack': return 'Linux may hold an ACK back up to 40 ms (one 4 ms tick before any data arrived), hoping to send it along with data or a FIN.';
		case 'time-wait': return linux
			? 'TIME-WAIT lasts 2×MSL in RFC 9293, but Linux fixes it at 60 s (TCP_TIMEWAIT_LEN); the RFC\'s MSL of 2 min would make it 4 min.'
			: 'TIME-WAIT lasts 2×MSL, with RFC 9293\'s MSL of 2 min: 4 min.';
		case 'fin-wait-2': return 'net.ipv4.tcp_fin_timeout (60 s unless changed) bounds how long a closed (orphaned) socket waits in FIN-WAIT-2.';
		case 'syn-queue': return TIMER_WHY['syn-queue'];
		case 'keepalive': return 'SO_KEEPALIVE sends a probe after tcp_keepalive_time (2 h) of silence, then every tcp_keepalive_intvl (75 s); after tcp_keepalive_probes (9) unanswered ones, an RST.';
	}
}

/** The latest change into the state the endpoint is in at the position. */
function lastStateChange(trace: Trace, q: Question, ep: Side, pos: Position): {from: string; to: string; cause: string} | undefined {
	const end = trace.steps[q.step]?.to ?? trace.events.length;
	for (let i = end - 1; i >= 0; i--) {
		const e = trace.events[i]!;
		if (e.type === 'state' && e.endpoint === ep && e.to === pos.after[ep].state) return e;
	}
	return undefined;
}
