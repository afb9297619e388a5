// tcp-tutor translations [DIR | LESSON ...]: what a translator still has to do. For each lesson with a
// translation, the keys that are new (missing) or stale, with the current English, written as the
// YAML to paste into the translation file; for a lesson id, its whole starting file.
import {existsSync, statSync} from 'node:fs';
import {relative} from 'node:path';
import type {Lang} from '../i18n/lang.js';
import {loadLessons} from '../lessons/catalog.js';
import type {Lesson} from '../lessons/schema.js';
import {type Translation, lessonTexts, sourceHash} from '../lessons/translation.js';
import {readTranslation, translationPath} from '../lessons/translation-files.js';
import {InputError} from '../yaml-source.js';
import type {Args} from './args.js';
import {UsageError} from './args.js';
import type {Io} from './io.js';

type Todo = {readonly key: string; readonly english: string; readonly stale?: string};

/** The keys of `lesson` that `t` lacks or translates from an older English. */
export function todoOf(lesson: Lesson, t: Translation | undefined): Todo[] {
	return lessonTexts(lesson).flatMap(({key, text}) => {
		const entry = t?.texts[key];
		if (!entry) return [{key, english: text}];
		return entry.source === sourceHash(text) ? [] : [{key, english: text, stale: entry.text}];
	});
}

/** The YAML of the entries to translate: the English as the text to replace, the hash already right. */
export function todoYaml(todo: readonly Todo[]): string[] {
	const block = (text: string, indent: string) => text.split('\n').map(l => (l ? `${indent}${l}` : ''));
	return todo.flatMap(({key, english, stale}) => [
		...(stale === undefined ? [] : [`  # stale: the English changed. The translation was:`, ...block(stale, '  #   ')]),
		`  ${key}:`, `    source: "${sourceHash(english)}"`, '    text: |-', ...block(english, '      '),
	]);
}

export function translationsCommand(args: Args, io: Io, shippedDir: string): number {
	const lang: Exclude<Lang, 'en'> = 'zh'; // the one language besides English; --lang en would ask for nothing
	const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
	const dirs = args.positionals.filter(isDir);
	const ids = args.positionals.filter(p => !isDir(p));
	const {lessons, errors} = loadLessons(dirs.length ? dirs : [shippedDir]);
	for (const e of errors) io.err(`✗ ${e.message}`);
	for (const id of ids) if (!lessons.some(l => l.id === id)) throw new UsageError(`no lesson "${id}" (and no such folder). See tcp-tutor list.`);
	let pending = 0;
	for (const lesson of lessons) {
		if (ids.length && !ids.includes(lesson.id)) continue;
		const file = relative('.', translationPath(lesson.file, lang, lesson.id)) || '.';
		let t: Translation | undefined;
		try {
			t = readTranslation(lesson.file, lang, lesson.id);
		} catch (error) {
			if (!(error instanceof InputError)) throw error;
			io.err(`✗ ${error.message}`);
			continue;
		}
		const todo = todoOf(lesson, t);
		pending += todo.length;
		if (!t && !ids.length) {
			io.out(`${file}: no translation yet (${todo.length} texts; tcp-tutor translations ${lesson.id} prints a starting file)`);
			continue;
		}
		if (todo.length === 0) {
			io.out(`${file}: up to date`);
			continue;
		}
		const stale = todo.filter(x => x.stale !== undefined).length;
		io.out(`# ${file}: ${todo.length} to translate (${todo.length - stale} new, ${stale} stale), from ${relative('.', lesson.file)}`);
		if (!t) io.out(['formatVersion: 1', `lesson: ${lesson.id}`, `language: ${lang}`].join('\n'));
		io.out('texts:');
		for (const line of todoYaml(todo)) io.out(line);
		io.out('');
	}
	io.out(`${pending} text(s) to translate.`);
	return 0;
}
