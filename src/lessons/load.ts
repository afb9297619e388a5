// Read lesson files: the shipped ones and, with --lessons DIR, a learner's own (untrusted).
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {InputError, parseYaml} from '../yaml-source.js';
import {type Lesson, parseLesson} from './schema.js';

export const MAX_LESSON_BYTES = 256 * 1024;

export function lessonFromYaml(text: string, file: string): Lesson {
	return parseLesson(parseYaml(text, file), file);
}

export function readLessonText(file: string): string {
	try {
		if (statSync(file).size > MAX_LESSON_BYTES) throw new InputError(file, undefined, 'file', `larger than ${MAX_LESSON_BYTES / 1024} KiB; a lesson is a short YAML file`);
		return readFileSync(file, 'utf8');
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError(file, undefined, 'file', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
	}
}

export function loadLessonFile(file: string): Lesson {
	return lessonFromYaml(readLessonText(file), file);
}

/** The lesson files of a folder, sorted by name (a numeric prefix orders them). */
export function lessonFiles(dir: string): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch (error) {
		throw new InputError(dir, undefined, 'folder', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
	}
	return names.filter(n => /\.ya?ml$/.test(n)).sort().map(n => join(dir, n));
}
