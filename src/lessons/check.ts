// `tcp-tutor check`: every lesson loads, its scenario runs, and every question has an answer in
// the trace, for many seeds (random ISNs). This is how a lesson author knows the lesson works.
import {type Trace, run} from '../sim/run.js';
import {InputError} from '../yaml-source.js';
import {loadLessons} from './catalog.js';
import {NoAnswer, expected} from './resolve.js';
import type {Lesson} from './schema.js';
import {scenarioMistakes} from './scenario-lint.js';

export type CheckReport = {readonly lessons: number; readonly seeds: number; readonly errors: readonly InputError[]};

export function checkLesson(lesson: Lesson, seeds: number, firstSeed = 1): InputError[] {
	const errors: InputError[] = [];
	for (let i = 0; i < seeds && errors.length === 0; i++) {
		const seed = firstSeed + i;
		let trace: Trace;
		try {
			trace = run(lesson.scenario, seed);
		} catch (error) {
			errors.push(new InputError(lesson.file, undefined, `scenario (seed ${seed})`, `does not run: ${(error as Error).message}`));
			break;
		}
		errors.push(...scenarioMistakes(trace, lesson.file, seed));
		for (const q of lesson.questions) {
			for (const field of q.ask) {
				try {
					expected(q, field, trace);
				} catch (error) {
					if (!(error instanceof NoAnswer)) throw error;
					errors.push(new InputError(lesson.file, q.line, `question "${q.id}" (${field}, seed ${seed})`, `has no answer in the trace: ${error.message}`));
				}
			}
		}
	}
	return errors;
}

export function checkDirs(dirs: readonly string[], seeds = 200): CheckReport {
	const {lessons, errors} = loadLessons(dirs);
	const all = [...errors];
	for (const lesson of lessons) all.push(...checkLesson(lesson, seeds));
	return {lessons: lessons.length, seeds, errors: all};
}
