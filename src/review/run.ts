// A run of questions across lessons, each in its own scenario (a review of the due cards, or a
// drill): which question is next, and what each answer was. Pure: the views (ink, plain) load the
// lessons, play each session with the engine, and report each result here.
import type {QuestionResult} from '../lessons/engine.js';
import {type Grade, gradeOf} from './grade.js';
import type {Topic} from './topics.js';

export type Item = {
	readonly lessonId: string;
	readonly questionId: string;
};

export type Outcome = Item & {
	readonly result: QuestionResult;
	readonly grade: Grade;
	readonly topic?: Topic;
	readonly lessonTitle?: string;
};

export type Run = {
	readonly items: readonly Item[];
	/** The item being asked (items.length once the run is over). */
	readonly index: number;
	readonly outcomes: readonly Outcome[];
	/** Items that could not be asked (a lesson gone, or no run of it asks the question). */
	readonly skipped: readonly Item[];
};

export const startRun = (items: readonly Item[]): Run => ({items, index: 0, outcomes: [], skipped: []});
export const currentItem = (r: Run): Item | undefined => r.items[r.index];
export const runOver = (r: Run): boolean => r.index >= r.items.length;

export function answer(r: Run, result: QuestionResult, about: {topic?: Topic; lessonTitle?: string} = {}): Run {
	const item = currentItem(r);
	if (!item) return r;
	return {...r, index: r.index + 1, outcomes: [...r.outcomes, {...item, result, grade: gradeOf(result), ...about}]};
}

export function skip(r: Run): Run {
	const item = currentItem(r);
	return item ? {...r, index: r.index + 1, skipped: [...r.skipped, item]} : r;
}

/** End the run now (time is up, or the learner quit): what was not asked is not counted. */
export function stop(r: Run): Run {
	return {...r, items: r.items.slice(0, r.index)};
}
