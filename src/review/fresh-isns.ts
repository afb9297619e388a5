// Review and the drill ask a question again in a new run of its scenario, so that its numbers must be
// worked out again. A scenario that fixes its ISNs (client: { isn: 1000 }) would repeat them in every
// run: here its ISNs are drawn from the run's seed instead, where that keeps the scenario's behaviour.
// Some scenarios need their fixed ISN: an injected segment's seq is written against it (an old
// duplicate SYN, a SYN just inside the window), or the text the learner reads states its numbers.
// Decided for each run by running both: the fresh ISNs are kept only when the trace has the same shape
// (every event alike but for absolute seq and ack), every question answerable before still is, and no
// number the learner reads is one of the fixed run's seq or ack numbers that the fresh run lacks.
import type {Lesson, Question} from '../lessons/schema.js';
import {unanswerable} from '../lessons/resolve.js';
import type {Scenario} from '../sim/scenario.js';
import {type Trace, run} from '../sim/run.js';
import type {TraceEvent} from '../sim/trace.js';

/**
 * `lesson` with its scenario's fixed ISNs left to the seed, when a run of `seed` behaves the same
 * with them; else `lesson` itself. `shown` are texts the learner reads besides the lesson's story and
 * the question (the drill's model answer).
 */
export function withFreshIsns(lesson: Lesson, questionId: string, seed: number, shown: readonly string[] = []): Lesson {
	const {scenario} = lesson;
	if (scenario.client.isn === undefined && scenario.server.isn === undefined) return lesson;
	const fresh: Scenario = {...scenario, client: withoutIsn(scenario.client), server: withoutIsn(scenario.server)};
	const before = run(scenario, seed);
	const after = run(fresh, seed);
	if (!sameShape(before, after)) return lesson;
	if (lesson.questions.some(q => !unanswerable(q, before) && unanswerable(q, after))) return lesson;
	const q = lesson.questions.find(x => x.id === questionId);
	if (q && readsFixedNumbers(textsRead(lesson, q, shown), before, after)) return lesson;
	return {...lesson, scenario: fresh};
}

function withoutIsn<T extends {readonly isn?: number}>(end: T): Omit<T, 'isn'> {
	const {isn: _fixed, ...rest} = end;
	return rest;
}

/** An event as the learner's answers see it, absolute seq and ack left out (seq and ack relative to the ISNs stay). */
function shapeOf(e: TraceEvent): string {
	if (e.type !== 'segment') return JSON.stringify(e);
	const {seq: _seq, ack, after: _after, ...rest} = e;
	return JSON.stringify({...rest, ack: ack === null ? null : 'n'});
}

function sameShape(a: Trace, b: Trace): boolean {
	return a.events.length === b.events.length && a.events.every((e, i) => shapeOf(e) === shapeOf(b.events[i]!));
}

/** The story of every step (the learner may read any of them), the question with its hints and explanation, and `shown`. */
function textsRead(lesson: Lesson, q: Question, shown: readonly string[]): string[] {
	return [...lesson.story.flatMap(b => [b.tcp, b.analogy ?? '']), q.prompt, ...q.hints, q.explain, ...shown];
}

/** Does a text state a number of the fixed run's sequence space that the fresh run does not have? ({placeholders} follow the run.) */
function readsFixedNumbers(texts: readonly string[], fixed: Trace, fresh: Trace): boolean {
	const theirs = numbersOf(fresh);
	const pinned = new Set([...numbersOf(fixed)].filter(n => !theirs.has(n)));
	return texts.some(text => (text.replace(/\{[^}]*\}/g, ' ').match(/\d+/g) ?? []).some(n => pinned.has(Number(n))));
}

function numbersOf(trace: Trace): Set<number> {
	const out = new Set<number>([trace.isn.client, trace.isn.server]);
	for (const e of trace.events) {
		if (e.type !== 'segment') continue;
		out.add(e.seq);
		if (e.ack !== null) out.add(e.ack);
	}
	return out;
}
