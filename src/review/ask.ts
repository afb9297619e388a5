// One question of a lesson asked on its own (a review card, a drill question): the lesson's scenario
// run with a fresh seed (and fresh ISNs where the scenario fixes them and can do without: fresh-isns.ts),
// the session positioned at that question's beat. The engine's visibility rule then shows the diagram
// up to the question and hides its answer, as it does inside the lesson, and the answer is checked
// against this run's trace.
import {type Session, currentQuestion, startSession} from '../lessons/engine.js';
import type {Lesson} from '../lessons/schema.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import {withFreshIsns} from './fresh-isns.js';

/** Seeds tried before a question is given up for this time (a question some runs cannot answer, e.g. a rare ISN). */
const TRIES = 5;

/**
 * The session of `lesson` at question `questionId`, or undefined when no run of these seeds can ask it (or it is
 * gone from the lesson). `shown`: what else the learner reads of the lesson here (the drill's model answer).
 */
export function sessionAt(lesson: Lesson, questionId: string, seed: number, texts: Texts = ENGLISH, shown: readonly string[] = []): Session | undefined {
	if (!lesson.questions.some(q => q.id === questionId)) return undefined;
	for (let k = 0; k < TRIES; k++) {
		const runSeed = (seed + k * 0x9e3779b1) >>> 0;
		const s = startSession(withFreshIsns(lesson, questionId, runSeed, shown), runSeed, undefined, texts);
		const qi = s.lesson.questions.findIndex(q => q.id === questionId);
		const pos = s.beats.findIndex(b => b.kind === 'ask' && b.question === qi);
		if (qi >= 0 && pos >= 0) return {...s, pos};
	}
	return undefined;
}

/** The question is answered (or its answer shown): its result is in. */
export function answered(s: Session): boolean {
	const q = currentQuestion(s);
	return q !== undefined && s.explained && s.results[q.id] !== undefined;
}

/** The lesson's interview answer: the model answer its outro ends with (`Interview answer: "…"`, in Chinese `面试回答：“…”`). */
export function interviewAnswer(lesson: Pick<Lesson, 'outro'>): string | undefined {
	const m = /(?:Interview answer: "(.+)"|面试回答：“(.+)”)\s*$/s.exec(lesson.outro ?? '');
	return (m?.[1] ?? m?.[2])?.replace(/\s+/g, ' ');
}
