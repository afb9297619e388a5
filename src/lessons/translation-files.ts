// Translation files on disk: `<lesson folder>/<lang>/<lesson id>.yaml`, for the shipped lessons and
// for any folder passed with --lessons. Parsed like a lesson: untrusted, errors name file and line.
import {existsSync, readdirSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {type Lang, LANGS} from '../i18n/lang.js';
import {InputError, type Sourced, isRecord, parseYaml, showValue} from '../yaml-source.js';
import {readLessonText} from './load.js';
import {sanitize} from './text.js';
import type {Translation, TranslatedText} from './translation.js';

export const TRANSLATION_FORMAT = 1;
const TOP_KEYS = ['formatVersion', 'lesson', 'language', 'texts'];

/** Where the translation of the lesson in `lessonFile` (whose id is `id`) into `lang` lives. */
export function translationPath(lessonFile: string, lang: Lang, id: string): string {
	return join(dirname(lessonFile), lang, `${id}.yaml`);
}

/** The translation files of a lesson folder: every `<dir>/<lang>/*.yaml` of a language other than English. */
export function translationFiles(dir: string): {readonly lang: Exclude<Lang, 'en'>; readonly file: string}[] {
	const out: {lang: Exclude<Lang, 'en'>; file: string}[] = [];
	for (const lang of LANGS) {
		if (lang === 'en') continue;
		const folder = join(dir, lang);
		if (!existsSync(folder)) continue;
		for (const name of readdirSync(folder).filter(n => /\.ya?ml$/.test(n)).sort()) out.push({lang, file: join(folder, name)});
	}
	return out;
}

export function translationFromYaml(text: string, file: string, lang: Exclude<Lang, 'en'>): Translation {
	return parseTranslation(parseYaml(text, file), file, lang);
}

/** The translation of a lesson, or undefined when it has none. */
export function readTranslation(lessonFile: string, lang: Exclude<Lang, 'en'>, id: string): Translation | undefined {
	const file = translationPath(lessonFile, lang, id);
	if (!existsSync(file)) return undefined;
	return translationFromYaml(readLessonText(file), file, lang);
}

function parseTranslation(src: Sourced, file: string, lang: Exclude<Lang, 'en'>): Translation {
	const v = src.value;
	const fail = (path: (string | number)[], where: string, expected: string): never => {
		throw new InputError(file, src.lineAt(path), where, expected);
	};
	if (!isRecord(v)) return fail([], 'translation', 'expected a map with formatVersion, lesson, language, texts');
	for (const key of Object.keys(v)) if (!TOP_KEYS.includes(key)) fail([key], key, `unknown field; expected one of ${TOP_KEYS.join(', ')}`);
	if (v['formatVersion'] !== TRANSLATION_FORMAT) fail(['formatVersion'], 'formatVersion', `expected ${TRANSLATION_FORMAT}, got ${showValue(v['formatVersion'])}`);
	if (v['language'] !== lang) fail(['language'], 'language', `expected ${lang} (the name of the folder it is in), got ${showValue(v['language'])}`);
	const lesson = v['lesson'];
	if (typeof lesson !== 'string' || `${lesson}.yaml` !== basename(file)) fail(['lesson'], 'lesson', `expected the id of the lesson it translates, which is also the file's name (${basename(file, '.yaml')}), got ${showValue(lesson)}`);
	const raw = v['texts'];
	if (!isRecord(raw)) return fail(['texts'], 'texts', 'expected a map of keys (title, intro.tcp, question.ID.prompt …) to { source: HASH, text: TEXT }');
	const texts: Record<string, TranslatedText> = {};
	for (const [key, entry] of Object.entries(raw)) {
		const where = `key "${key}"`;
		if (!isRecord(entry)) return fail(['texts', key], where, 'expected { source: HASH, text: TEXT }');
		for (const k of Object.keys(entry)) if (k !== 'source' && k !== 'text') fail(['texts', key, k], where, `unknown field "${k}"; expected source and text`);
		if (typeof entry['source'] !== 'string' || !/^[0-9a-f]{8}$/.test(entry['source'])) {
			fail(['texts', key, 'source'], where, `expected source: the 8-digit hash of the English text, in quotes (tcp-tutor translations prints it), got ${showValue(entry['source'])}`);
		}
		if (typeof entry['text'] !== 'string' || entry['text'].trim() === '') fail(['texts', key, 'text'], where, 'expected non-empty text');
		texts[key] = {source: entry['source'] as string, text: sanitize(entry['text'] as string).trim(), line: src.lineAt(['texts', key])};
	}
	return {lang, lesson: lesson as string, file, texts, textsLine: src.lineAt(['texts'])};
}
