// A question's answers, read from the trace (never from the lesson), and the rule that decides each.
import type {Snapshot, TimerKind} from '../sim/endpoint.js';
import type {Side} from '../sim/segment.js';
import type {Trace} from '../sim/run.js';
import type {SegmentEvent} from '../sim/trace.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
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

/** Texts that are all empty: whether a rule can be told does not depend on its words, and check need not write them. */
const WORDLESS: Texts = {lang: 'en', t: () => '', n: () => '', sim: text => text};

/** The first field of a question this trace cannot answer, and why; undefined when play can ask every field. */
export function unanswerable(q: Question, trace: Trace): {readonly field: Field; readonly reason: string} | undefined {
	for (const field of q.ask) {
		try {
			expected(q, field, trace);
			ruleFor(q, field, trace, false, WORDLESS); // what play shows after an answer (the numbering and the language change only the words it prints)
		} catch (error) {
			return {field, reason: error instanceof Error ? error.message : String(error)};
		}
	}
	return undefined;
}

/** The rule that decides a value, without giving it away: shown after a wrong answer, whatever is asked next. */
export function ruleText(field: Field, {t}: Texts = ENGLISH): string {
	return t(`rule.${field}`);
}

/** The rules in English (as `ruleText` gives them). */
export const RULES: Readonly<Record<Field, string>> = Object.fromEntries(
	(['flags', 'seq', 'ack', 'len', 'sender', 'state', 'acked', 'timer', 'duration', 'count', 'syn-queue', 'accept-queue', 'claim'] as const).map(f => [f, ruleText(f)]),
) as Record<Field, string>;

/**
 * The rule that decides a value, in a sentence, with this trace's numbers (after a right answer or a reveal).
 * It never gives away a field the question asks later (q.ask after `field`): a timer's rule names no duration
 * when the duration is asked next.
 */
export function ruleFor(q: Question, field: Field, trace: Trace, relative: boolean, texts: Texts = ENGLISH): string {
	const {t} = texts;
	const pos = position(q, trace);
	const seg = pos.segment;
	const later = q.ask.slice(q.ask.indexOf(field) + 1);
	const ep = q.endpoint ?? 'client';
	const side = t(`side.${ep}`);
	switch (field) {
		case 'seq':
		case 'ack': return seg ? sumRule(trace, seg, field, relative, texts) : '';
		case 'len': return t('rule.len');
		case 'flags': {
			if (!seg) return '';
			const psh = seg.flags.includes('PSH') ? t('why.flags.psh') : '';
			return later.includes('sender') ? t('why.flags.carries', {flags: showFlags(seg.flags), psh})
				: t('why.flags.sent', {side: t(`side.${seg.from}`), flags: showFlags(seg.flags), psh});
		}
		case 'sender': return seg ? t('why.sender', {side: t(`side.${seg.from}`)}) : '';
		case 'state': {
			const change = lastStateChange(trace, q, ep, pos);
			return change ? t('why.state.changed', {side, from: change.from, to: change.to, cause: change.cause}) : t('why.state.stayed', {side, state: pos.after[ep].state});
		}
		case 'timer':
		case 'duration': {
			const timers = pos.after[ep].timers;
			if (timers.length === 0) return t('why.timer.none', {side});
			const withDuration = !later.includes('duration');
			return timers.map(tm => (withDuration
				? t('why.timer.runsFor', {timer: tm.timer, duration: tm.duration, why: timerRule(tm.timer, trace, texts)})
				: t('why.timer.runs', {timer: tm.timer, why: t(`timerWhy.${tm.timer}`)}))).join(' ');
		}
		case 'count': return t('rule.count');
		case 'syn-queue': case 'accept-queue': return t(`rule.${field}`);
		case 'acked': {
			if (pos.after[ep].acked) return t('why.acked.yes', {side});
			const timerLater = later.includes('timer') || later.includes('duration');
			return t(timerLater ? 'why.acked.owes' : 'why.acked.owesLinux', {side});
		}
		case 'claim': {
			const f = q.claim?.field;
			return seg && (f === 'seq' || f === 'ack') ? sumRule(trace, seg, f, relative, texts) : '';
		}
	}
}

/** "ack is the next number … (RCV.NXT): ack = y + 1 (SYN) + 200 (data) = 1130677064 + 1 + 200 = 1130677265." */
function sumRule(trace: Trace, seg: SegmentEvent, field: 'seq' | 'ack', relative: boolean, texts: Texts): string {
	const {t} = texts;
	const sum = seqSum(trace, seg, field, relative, texts);
	if (!sum) return '';
	const notes = [sum.note, relative && /^[xy]$/.test(sum.start.name) ? t('why.relativeZero', {name: sum.start.name}) : undefined].filter(Boolean);
	const shown = showSum(sum, texts);
	return notes.length > 0 ? t('why.sumNotes', {rule: sum.rule, sum: shown, notes: notes.join(t('why.notesJoin'))}) : t('why.sum', {rule: sum.rule, sum: shown});
}

/** Why each timer runs and what decides its length, as the trace's profile does it. */
function timerRule(timer: TimerKind, trace: Trace, {t}: Texts): string {
	const linux = trace.profile === 'linux';
	switch (timer) {
		case 'retransmit': return t(linux ? 'timerRule.retransmit.linux' : 'timerRule.retransmit.textbook');
		case 'delayed-ack': return t('timerRule.delayed-ack');
		case 'time-wait': return t(linux ? 'timerRule.time-wait.linux' : 'timerRule.time-wait.textbook');
		case 'fin-wait-2': return t('timerRule.fin-wait-2');
		case 'syn-queue': return t('timerWhy.syn-queue');
		case 'keepalive': return t('timerRule.keepalive');
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
