// The beats of a lesson: where each question is asked, what the learner has seen by then, and
// which events a question keeps hidden until it is answered. Predict, then see: the premise of a
// question is shown, its answer is not.
import type {Trace} from '../sim/run.js';
import type {Side} from '../sim/segment.js';
import type {Lesson, Question} from './schema.js';
import {SEGMENT_FIELDS} from './schema.js';

/**
 * A beat is one screen of the lesson. `shown`: the trace events before this index are the premise
 * (minus what a question hides). `stop`: the learner reads something new here and presses Enter;
 * other beats play on their own (the diagram grows).
 */
export type Beat =
	| {readonly kind: 'intro'; readonly step: number; readonly shown: number; readonly stop: boolean}
	| {readonly kind: 'story'; readonly step: number; readonly shown: number; readonly stop: boolean}
	| {readonly kind: 'reveal'; readonly step: number; readonly shown: number; readonly stop: boolean}
	| {readonly kind: 'ask'; readonly step: number; readonly question: number; readonly shown: number; readonly stop: boolean; readonly mask?: Mask; readonly segment?: number}
	| {readonly kind: 'end'; readonly step: number; readonly shown: number; readonly stop: boolean};

/** While a question is open (and at every beat before it), the endpoints' state changes and timers in [from, to) are hidden. */
export type Mask = {readonly endpoints: readonly Side[]; readonly from: number; readonly to: number};

const isSegmentField = (f: string) => (SEGMENT_FIELDS as readonly string[]).includes(f);
const ENDPOINT_FIELDS: readonly string[] = ['state', 'timer', 'duration', 'acked'];
/** The listener's queues are the server's: a question about them hides the server's changes in its moment (SYN-RECEIVED, ESTABLISHED …). */
const QUEUE_FIELDS: readonly string[] = ['syn-queue', 'accept-queue'];

/** Is the question asked before its segment is shown (a prediction of that segment)? */
export function askedBefore(q: Question): boolean {
	return q.segment !== undefined && (q.ask.some(isSegmentField) || (q.claim !== undefined && isSegmentField(q.claim.field)));
}

/** A count is a prediction: asked at the start of its step, before the segments it counts are shown. */
export function isCountQuestion(q: Question): boolean {
	return !askedBefore(q) && (q.ask.includes('count') || q.claim?.field === 'count');
}

/** Does the question ask about an endpoint's state or timers (whose changes it must hide)? */
function asksEndpoint(q: Question): boolean {
	return asksQueue(q) || (q.endpoint !== undefined && (q.ask.some(f => ENDPOINT_FIELDS.includes(f)) || (q.claim !== undefined && ENDPOINT_FIELDS.includes(q.claim.field))));
}

function asksQueue(q: Question): boolean {
	return q.ask.some(f => QUEUE_FIELDS.includes(f)) || (q.claim !== undefined && QUEUE_FIELDS.includes(q.claim.field));
}

/** Plan the beats: each step's story, its count predictions, then for each of its segments the questions before it, the reveal, the questions after; the step's own questions last. */
export function planBeats(lesson: Lesson, trace: Trace): Beat[] {
	const beats: Beat[] = lesson.intro ? [{kind: 'intro', step: 0, shown: 0, stop: true}] : [];
	const hasStory = new Set(lesson.story.map(b => b.step));
	// Where the last question on each endpoint was asked: a later one hides only what came after it.
	const lastCut: Partial<Record<Side, number>> = {};
	const ask = (qi: number, s: number, shown: number, segment?: number): Beat => {
		const q = lesson.questions[qi]!;
		const from = trace.steps[s]!.from;
		let mask: Mask | undefined;
		const seg = segment === undefined ? undefined : trace.events[segment];
		if (seg?.type === 'segment') {
			// A prediction hides how its sender reacted to what came before (LISTEN → SYN-RECEIVED tells that a SYN,ACK follows).
			let cause = segment! - 1;
			while (cause >= from && trace.events[cause]!.type !== 'segment') cause--;
			// Asking who sends it hides both sides: a "?" in one column alone would answer it.
			const asksSender = q.ask.includes('sender') || q.claim?.field === 'sender';
			mask = {endpoints: asksSender ? ['client', 'server'] : [seg.from], from: Math.max(from, cause + 1), to: segment!};
		} else if (asksEndpoint(q)) {
			const ep = asksQueue(q) ? 'server' : q.endpoint!;
			let start = Math.max(from, lastCut[ep] ?? 0);
			// The queues fill over several steps: a flood's outcome since the last question on the server is a reading of them.
			if (asksQueue(q)) {
				const flood = trace.events.findIndex((e, i) => i >= (lastCut[ep] ?? 0) && i < shown && e.type === 'flood');
				if (flood >= 0) start = Math.min(start, flood);
			}
			mask = {endpoints: [ep], from: Math.min(start, shown), to: shown};
			lastCut[ep] = shown;
		}
		return {kind: 'ask', step: s, question: qi, shown, stop: true, ...(mask ? {mask} : {}), ...(segment === undefined ? {} : {segment})};
	};
	trace.steps.forEach((step, s) => {
		const segs = trace.events.slice(step.from, step.to).map((e, i) => ({e, i: step.from + i})).filter(x => x.e.type === 'segment');
		const first = segs[0]?.i ?? step.to;
		const storyAt = beats.length;
		beats.push({kind: 'story', step: s, shown: first, stop: hasStory.has(s)});
		lesson.questions.forEach((q, qi) => {
			if (q.step === s && isCountQuestion(q)) beats.push(ask(qi, s, first));
		});
		segs.forEach((seg, k) => {
			const shown = segs[k + 1]?.i ?? step.to;
			lesson.questions.forEach((q, qi) => {
				if (q.step === s && q.segment === k + 1 && askedBefore(q)) beats.push(ask(qi, s, seg.i, seg.i));
			});
			beats.push({kind: 'reveal', step: s, shown, stop: false});
			lesson.questions.forEach((q, qi) => {
				if (q.step === s && q.segment === k + 1 && !askedBefore(q) && !isCountQuestion(q)) beats.push(ask(qi, s, shown));
			});
		});
		lesson.questions.forEach((q, qi) => {
			// A question whose segment the step never sent is still asked, after its step (tcp-tutor check reports it).
			const unsent = q.segment !== undefined && q.segment > segs.length;
			if (q.step === s && (q.segment === undefined || unsent) && !isCountQuestion(q)) beats.push(ask(qi, s, step.to));
		});
		// The story is read with the step's first question when nothing is shown between them: one Enter, not two.
		const story = beats[storyAt]!;
		const after = beats[storyAt + 1];
		if (story.stop && after?.kind === 'ask' && after.step === s && after.shown === story.shown) beats[storyAt] = {...story, stop: false};
	});
	beats.push({kind: 'end', step: trace.steps.length - 1, shown: trace.events.length, stop: true});
	return beats;
}
