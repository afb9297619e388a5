// Read lesson files: the shipped ones and, with --lessons DIR, a learner's own (untrusted).
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {InputError, parseYaml} from '../yaml-source.js';
import {type Lesson, parseLesson} from './schema.js';

export const MAX_LESSON_BYTES = 256 * 1024;

export function lessonFromYaml(text: string, file: string): Lesson {
	return parseLesson(parseYaml(text, file), file);
}

/** A lesson's or a scenario's text; a pipe, a folder or a huge file is refused before it is read. */
export function readLessonText(file: string, kind: 'lesson' | 'scenario' = 'lesson'): string {
	try {
		const stat = statSync(file);
		if (stat.isDirectory()) throw new InputError(file, undefined, 'file', 'is a folder, not a file');
		if (!stat.isFile()) throw new InputError(file, undefined, 'file', 'is not a regular file (a pipe, a socket or a device)');
		if (stat.size > MAX_LESSON_BYTES) throw new InputError(file, undefined, 'file', `larger than ${MAX_LESSON_BYTES / 1024} KiB; a ${kind} is a short YAML file`);
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
