// How well a question was remembered, from how it was answered: the rating a spaced-repetition
// scheduler takes (FSRS's Again 1, Hard 2, Good 3, Easy 4). No scheduler is loaded here: lesson play
// records grades, and the scheduler (schedule.ts, loaded late) reads them.
import type {QuestionResult} from '../lessons/engine.js';

export type Grade = 1 | 2 | 3 | 4;
export const AGAIN: Grade = 1;
export const HARD: Grade = 2;
export const GOOD: Grade = 3;

/**
 * | result                                  | grade |
 * |-----------------------------------------|-------|
 * | the answer shown                        | Again |
 * | solved with hints, or after a miss      | Hard  |
 * | solved at the first try, without a hint | Good  |
 * Easy is never given: a first try in a lesson is not proof that it will last.
 */
export function gradeOf(r: QuestionResult): Grade {
	if (r.revealed) return AGAIN;
	if (r.hints > 0 || r.missed.length > 0 || !r.firstTry) return HARD;
	return GOOD;
}

export const isGrade = (v: unknown): v is Grade => v === 1 || v === 2 || v === 3 || v === 4;
