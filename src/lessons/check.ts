// `tcp-tutor check`: every lesson loads, its scenario runs, and every question has an answer in
// the trace, for many seeds (random ISNs). This is how a lesson author knows the lesson works.
import {type Trace, run} from '../sim/run.js';
import {InputError} from '../yaml-source.js';
import {loadLessons} from './catalog.js';
import {unanswerable} from './resolve.js';
import type {Lesson} from './schema.js';
import {scenarioMistakes} from './scenario-lint.js';
import {translationProblems} from './translation.js';
import {translationFiles, translationFromYaml} from './translation-files.js';
import {readLessonText} from './load.js';

export type CheckReport = {readonly lessons: number; readonly seeds: number; readonly translations: number; readonly errors: readonly InputError[]};

export function checkLesson(lesson: Lesson, seeds: number, firstSeed = 1): InputError[] {
	const errors: InputError[] = [];
	for (let i = 0; i < seeds && errors.length === 0; i++) errors.push(...checkSeed(lesson, firstSeed + i));
	return errors;
}

/** One seed of one lesson: the scenario runs, and every question has an answer. */
function checkSeed(lesson: Lesson, seed: number): InputError[] {
	const errors: InputError[] = [];
	let trace: Trace;
	try {
		trace = run(lesson.scenario, seed);
	} catch (error) {
		return [new InputError(lesson.file, undefined, `scenario (seed ${seed})`, `does not run: ${(error as Error).message}`)];
	}
	errors.push(...scenarioMistakes(trace, lesson.file, seed));
	for (const q of lesson.questions) {
		const missing = unanswerable(q, trace); // the same test play makes before it asks
		if (missing) errors.push(new InputError(lesson.file, q.line, `question "${q.id}" (${missing.field}, seed ${seed})`, `has no answer in the trace: ${missing.reason}`));
	}
	return errors;
}

/** Give signal handlers (Ctrl+C, kill) a turn every 50 ms: a long check ends when asked to. */
export function breather(everyMs = 50): () => Promise<void> {
	let last = Date.now();
	return async () => {
		if (Date.now() - last < everyMs) return;
		await new Promise(resolve => setImmediate(resolve));
		last = Date.now();
	};
}

export async function checkDirs(dirs: readonly string[], seeds = 200, breathe = breather(), onStart?: (lessons: number) => void): Promise<CheckReport> {
	const {lessons, errors} = loadLessons(dirs);
	onStart?.(lessons.length);
	const all = [...errors];
	for (const lesson of lessons) {
		for (let i = 0; i < seeds; i++) {
			const found = checkSeed(lesson, 1 + i);
			all.push(...found);
			if (found.length > 0) break; // one seed is enough to show the problem
			await breathe();
		}
	}
	const translations = checkTranslations(dirs, lessons);
	return {lessons: lessons.length, seeds, translations: translations.count, errors: [...all, ...translations.errors]};
}

/** Every translation file of these folders: it parses, translates a lesson of the folder, and every key is there, known and current. */
export function checkTranslations(dirs: readonly string[], lessons: readonly Lesson[]): {count: number; errors: InputError[]} {
	const errors: InputError[] = [];
	let count = 0;
	for (const dir of dirs) {
		let files;
		try {
			files = translationFiles(dir);
		} catch (error) {
			errors.push(new InputError(dir, undefined, 'translations', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`));
			continue;
		}
		for (const {lang, file} of files) {
			count++;
			try {
				const t = translationFromYaml(readLessonText(file), file, lang);
				const lesson = lessons.find(l => l.id === t.lesson);
				if (!lesson) errors.push(new InputError(file, undefined, 'lesson', `"${t.lesson}" is no lesson of ${dir}: a translation sits beside the lesson it translates`));
				else errors.push(...translationProblems(lesson, t));
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				errors.push(error);
			}
		}
	}
	return {count, errors};
}
