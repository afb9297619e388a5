// What the menu needs of a lesson, without parsing its scenario and questions (issue: start-up cost).
import {createHash} from 'node:crypto';
import {InputError} from '../yaml-source.js';
import {lessonFiles, lessonFromYaml, loadLessonFile, readLessonText} from './load.js';
import type {Lesson} from './schema.js';

export type LessonEntry = {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly level: Lesson['level'];
	readonly tags: Lesson['tags'];
	readonly minutes: number;
	/** The classic interview question the lesson answers, when it names one. */
	readonly classic?: string;
	readonly questions: number;
	readonly file: string;
};

export function entryOf(lesson: Lesson): LessonEntry {
	return {id: lesson.id, title: lesson.title, summary: lesson.summary, level: lesson.level, tags: lesson.tags,
		minutes: lesson.minutes, ...(lesson.classic === undefined ? {} : {classic: lesson.classic}), questions: lesson.questions.length, file: lesson.file};
}

/** The topic a lesson is listed under in the menu: its first tag. */
export function topicOf(entry: Pick<LessonEntry, 'tags'>): string {
	return entry.tags[0] ?? 'other';
}

/** dist/catalog.json: the shipped lessons' menu entries, made at build time, keyed by content hash. */
export type CatalogFile = {
	readonly version: 1;
	readonly lessons: readonly {readonly file: string; readonly sha1: string; readonly entry: Omit<LessonEntry, 'file'>}[];
};

export function sha1(text: string): string {
	return createHash('sha1').update(text).digest('hex');
}

export type Catalog = {
	readonly entries: readonly LessonEntry[];
	readonly errors: readonly InputError[];
	/** Parse and validate one lesson (only when it is opened). */
	load(id: string): Lesson;
};

/**
 * The lessons of these folders for the menu. A file whose hash is in the build-time catalog is not
 * parsed (YAML parsing all lessons would cost more than the whole first frame); any other file is.
 */
export function openCatalog(dirs: readonly string[], built?: CatalogFile): Catalog {
	const known = new Map((built?.lessons ?? []).map(l => [l.sha1, l.entry]));
	const entries: LessonEntry[] = [];
	const errors: InputError[] = [];
	const parsed = new Map<string, Lesson>();
	for (const dir of dirs) {
		let files: string[];
		try {
			files = lessonFiles(dir);
		} catch (error) {
			errors.push(error as InputError);
			continue;
		}
		for (const file of files) {
			try {
				const text = readLessonText(file);
				const hit = known.get(sha1(text));
				const entry = hit ? {...hit, file} : entryOf(remember(parsed, lessonFromYaml(text, file)));
				const twin = entries.find(e => e.id === entry.id);
				if (twin) errors.push(new InputError(file, idLine(text), 'id', `"${entry.id}" is already used by ${twin.file}; lesson ids must be unique`));
				else entries.push(entry);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				errors.push(error);
			}
		}
	}
	return {
		entries, errors,
		load(id) {
			const entry = entries.find(e => e.id === id);
			if (!entry) throw new InputError(id, undefined, 'lesson', 'no lesson with this id');
			return parsed.get(entry.file) ?? remember(parsed, loadLessonFile(entry.file));
		},
	};
}

/** The line of the top-level "id:" (a cached entry was never parsed, so the YAML's own positions are not at hand). */
function idLine(text: string): number | undefined {
	const n = text.split('\n').findIndex(line => /^id\s*:/.test(line));
	return n < 0 ? undefined : n + 1;
}

function remember(parsed: Map<string, Lesson>, lesson: Lesson): Lesson {
	parsed.set(lesson.file, lesson);
	return lesson;
}

export type LoadResult = {readonly lessons: Lesson[]; readonly errors: readonly InputError[]};

/** Every lesson of these folders, parsed and validated; a bad file is reported, the others still load. */
export function loadLessons(dirs: readonly string[]): LoadResult {
	const catalog = openCatalog(dirs);
	return {lessons: catalog.entries.map(e => catalog.load(e.id)), errors: catalog.errors};
}
