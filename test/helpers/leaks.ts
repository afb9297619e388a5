// What a learner must not be able to read before answering a question (predict, then see): the
// asked endpoint's new state and timers, the asked segment, the counted segments. Shared by the
// leak tests of the engine, plain mode and the ink player, so one table covers every lesson.
import {fileURLToPath} from 'node:url';
import {loadLessons} from '../../src/lessons/catalog.js';
import {askedBefore} from '../../src/lessons/engine.js';
import {expected, segmentsOf} from '../../src/lessons/resolve.js';
import type {Lesson, Question} from '../../src/lessons/schema.js';
import type {State} from '../../src/sim/endpoint.js';
import type {Trace} from '../../src/sim/run.js';
import type {Side} from '../../src/sim/segment.js';
import type {SegmentEvent} from '../../src/sim/trace.js';

export const shipped: readonly Lesson[] = loadLessons([fileURLToPath(new URL('../../lessons/', import.meta.url))]).lessons;

/** The seeds every leak test plays each lesson with. */
export const SEEDS = [1, 7, 42] as const;

export type Secrets = {
	/** The asked endpoint and the state it will be in (when the state is asked or claimed). */
	readonly state?: {readonly endpoint: Side; readonly state: State; readonly before: State};
	/** The timer and its duration on the asked endpoint. */
	readonly timer?: {readonly endpoint: Side; readonly durations: readonly number[]; readonly askedDuration: boolean};
	/** The segment the question predicts. */
	readonly segment?: SegmentEvent;
	/** The segments a count question counts. */
	readonly counted?: readonly SegmentEvent[];
	/** The question asks the listener's queues. */
	readonly queues?: true;
};

export function isCount(q: Question): boolean {
	return q.ask.includes('count') || q.claim?.field === 'count';
}

/** The state an endpoint was in just before the question's step began. */
export function stateBefore(trace: Trace, step: number, side: Side): State {
	let st: State = 'CLOSED';
	const from = trace.steps[step]?.from ?? 0;
	for (const e of trace.events.slice(0, from)) if (e.type === 'state' && e.endpoint === side) st = e.to;
	return st;
}

export function secretsOf(q: Question, trace: Trace): Secrets {
	const out: {-readonly [K in keyof Secrets]: Secrets[K]} = {};
	const fields = [...q.ask, ...(q.claim ? [q.claim.field] : [])];
	if (q.endpoint && fields.includes('state')) {
		const e = expected({...q, ask: ['state']}, 'state', trace);
		if (e.field === 'state') out.state = {endpoint: q.endpoint, state: e.value, before: stateBefore(trace, q.step, q.endpoint)};
	}
	if (q.endpoint && (fields.includes('timer') || fields.includes('duration'))) {
		const after = q.segment === undefined ? trace.steps[q.step]!.after : segmentsOf(trace, q.step)[q.segment - 1]?.after ?? trace.steps[q.step]!.after;
		const timers = after[q.endpoint].timers.filter(t => q.timer === undefined || t.timer === q.timer);
		out.timer = {endpoint: q.endpoint, durations: timers.map(t => t.duration), askedDuration: fields.includes('duration')};
	}
	if (fields.includes('syn-queue') || fields.includes('accept-queue')) out.queues = true;
	if (askedBefore(q)) out.segment = segmentsOf(trace, q.step)[q.segment! - 1];
	if (isCount(q)) {
		const segs: SegmentEvent[] = [];
		for (let i = q.step; i <= (q.through ?? q.step); i++) segs.push(...segmentsOf(trace, i));
		out.counted = segs;
	}
	return out;
}

export type Found = {readonly lesson: string; readonly seed: number; readonly question: string; readonly leak: string};
