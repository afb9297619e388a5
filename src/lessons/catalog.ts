// What the menu needs of a lesson, without parsing its scenario and questions (issue: start-up cost).
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import type {Lang} from '../i18n/lang.js';
import {InputError} from '../yaml-source.js';
import {lessonFiles, lessonFromYaml, loadLessonFile, readLessonText} from './load.js';
import type {Lesson} from './schema.js';
import {localize, translatedEntryText} from './translation.js';
import {readTranslation, translationFromYaml, translationPath} from './translation-files.js';

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
	/** In a language other than English: some of the lesson's text is shown in English (no translation, or a stale one). */
	readonly untranslated?: true;
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

/** dist/catalog.<lang>.json: the menu's titles and summaries in a language, keyed by the hashes of the English and of the translation. */
export type LangCatalogFile = {
	readonly version: 1;
	readonly lessons: readonly {readonly key: string; readonly title?: string; readonly summary?: string; readonly complete: boolean}[];
};

export type Catalog = {
	/** The menu entries, in English. */
	readonly entries: readonly LessonEntry[];
	readonly errors: readonly InputError[];
	/** Parse and validate one lesson (only when it is opened), in `lang` where it is translated. */
	load(id: string, lang?: Lang): Lesson;
	/** The menu entries in `lang`: titles and summaries from the built catalog of that language, else from the translation files. */
	entriesIn(lang: Lang, built?: LangCatalogFile): LessonEntry[];
};

/** What the menu shows of a lesson in a language, and whether all of the lesson is translated (for the build-time catalog). */
export function translatedEntry(lesson: Lesson, lang: Exclude<Lang, 'en'>): {title?: string; summary?: string; classic?: string; complete: boolean} {
	const t = readTranslation(lesson.file, lang, lesson.id);
	return t ? fromFile(lesson, t) : {complete: false};
}

/** The key of a lesson's entry in a language's built catalog: the English and the translation, as they are now. */
export function langKey(englishText: string, translationText: string): string {
	return `${sha1(englishText)}:${sha1(translationText)}`;
}

/**
 * The lessons of these folders for the menu. A file whose hash is in the build-time catalog is not
 * parsed (YAML parsing all lessons would cost more than the whole first frame); any other file is.
 */
export function openCatalog(dirs: readonly string[], built?: CatalogFile): Catalog {
	const known = new Map((built?.lessons ?? []).map(l => [l.sha1, l.entry]));
	const entries: LessonEntry[] = [];
	const errors: InputError[] = [];
	const parsed = new Map<string, Lesson>();
	const texts = new Map<string, string>(); // each entry's file as read, for the languages' keys
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
				texts.set(file, text);
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
	const english = (id: string): Lesson => {
		const entry = entries.find(e => e.id === id);
		if (!entry) throw new InputError(id, undefined, 'lesson', 'no lesson with this id');
		return parsed.get(entry.file) ?? remember(parsed, loadLessonFile(entry.file));
	};
	return {
		entries, errors,
		load(id, lang = 'en') {
			const lesson = english(id);
			if (lang === 'en') return lesson;
			let t;
			try {
				t = readTranslation(lesson.file, lang, lesson.id);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				t = undefined; // a broken translation: the lesson in English, said so (tcp-tutor check names the problem)
			}
			return localize(lesson, t);
		},
		entriesIn(lang, built) {
			if (lang === 'en') return [...entries];
			const known = new Map((built?.lessons ?? []).map(l => [l.key, l]));
			return entries.map(e => {
				const file = translationPath(e.file, lang, e.id);
				if (!existsSync(file)) return {...e, untranslated: true};
				let shown: {title?: string; summary?: string; classic?: string; complete: boolean};
				try {
					const text = readLessonText(file);
					shown = known.get(langKey(texts.get(e.file) ?? '', text)) ?? fromFile(english(e.id), translationFromYaml(text, file, lang));
				} catch (error) {
					if (!(error instanceof InputError)) throw error;
					shown = {complete: false};
				}
				return {...e, ...(shown.title ? {title: shown.title} : {}), ...(shown.summary ? {summary: shown.summary} : {}), ...(shown.classic ? {classic: shown.classic} : {}), ...(shown.complete ? {} : {untranslated: true as const})};
			});
		},
	};
}

/** The line of the top-level "id:" (a cached entry was never parsed, so the YAML's own positions are not at hand). */
function idLine(text: string): number | undefined {
	const n = text.split('\n').findIndex(line => /^id\s*:/.test(line));
	return n < 0 ? undefined : n + 1;
}

function fromFile(lesson: Lesson, t: ReturnType<typeof translationFromYaml>): {title?: string; summary?: string; classic?: string; complete: boolean} {
	const title = translatedEntryText(lesson, t, 'title');
	const summary = translatedEntryText(lesson, t, 'summary');
	const classic = translatedEntryText(lesson, t, 'classic');
	return {...(title ? {title} : {}), ...(summary ? {summary} : {}), ...(classic ? {classic} : {}), complete: localize(lesson, t).untranslated?.length === 0};
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
