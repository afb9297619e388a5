// A lesson's translation is an overlay: only text, keyed by the lesson's stable ids (intro, step ids,
// question ids), each with the hash of the English text it translates. The scenario and the questions
// live once, in the English file; a translation can neither change an answer nor drift unseen:
// a key whose English changed is stale, and `check` says so (lessons/README.md, "Translations").
import {createHash} from 'node:crypto';
import {GLOSSARY_LANGS, glossaryProblems} from '../i18n/glossary.js';
import type {Lang} from '../i18n/lang.js';
import {placeholderMismatch} from '../i18n/placeholders.js';
import {InputError} from '../yaml-source.js';
import type {Lesson, Question} from './schema.js';

/** One translated text: the hash of the English it translates, the text, and its line in the file. */
export type TranslatedText = {readonly source: string; readonly text: string; readonly line: number | undefined};

export type Translation = {
	readonly lang: Exclude<Lang, 'en'>;
	/** The id of the lesson it translates. */
	readonly lesson: string;
	readonly file: string;
	readonly texts: Readonly<Record<string, TranslatedText>>;
	/** The line of `texts:`, where a missing key would go. */
	readonly textsLine: number | undefined;
};

/** The hash a translation records: the first 8 hex digits of the SHA-1 of the English text (as the lesson holds it). */
export function sourceHash(english: string): string {
	return createHash('sha1').update(english).digest('hex').slice(0, 8);
}

/** A step as keys name it: its id, or its number counted from 1. */
function stepRef(lesson: Lesson, index: number): string {
	return lesson.scenario.steps[index]?.id ?? String(index + 1);
}

/** Every text of a lesson a learner reads, in file order, by stable key. */
export function lessonTexts(lesson: Lesson): {readonly key: string; readonly text: string}[] {
	const out: {key: string; text: string}[] = [{key: 'title', text: lesson.title}, {key: 'summary', text: lesson.summary}];
	if (lesson.classic) out.push({key: 'classic', text: lesson.classic});
	if (lesson.intro) {
		out.push({key: 'intro.tcp', text: lesson.intro.tcp});
		if (lesson.intro.analogy) out.push({key: 'intro.analogy', text: lesson.intro.analogy});
	}
	const told = new Set<number>();
	for (const beat of lesson.story) {
		if (told.has(beat.step)) continue; // only a step's first story is ever shown
		told.add(beat.step);
		const ref = stepRef(lesson, beat.step);
		out.push({key: `story.${ref}.tcp`, text: beat.tcp});
		if (beat.analogy) out.push({key: `story.${ref}.analogy`, text: beat.analogy});
	}
	for (const q of lesson.questions) {
		out.push({key: `question.${q.id}.prompt`, text: q.prompt});
		q.hints.forEach((h, k) => out.push({key: `question.${q.id}.hint.${k + 1}`, text: h}));
		out.push({key: `question.${q.id}.explain`, text: q.explain});
	}
	if (lesson.outro) out.push({key: 'outro', text: lesson.outro});
	return out;
}

/** The translated text of a key, when it is current (its English unchanged) and keeps the English's placeholders. */
function usable(t: Translation | undefined, key: string, english: string): string | undefined {
	const entry = t?.texts[key];
	if (!entry || entry.source !== sourceHash(english) || placeholderMismatch(english, entry.text)) return undefined;
	return entry.text;
}

/**
 * The lesson in the translation's language. A key that is missing, stale or broken stays English
 * (listed in `untranslated`, so that the learner is told once).
 */
export function localize(lesson: Lesson, t: Translation | undefined): Lesson {
	const untranslated: string[] = [];
	const pick = (key: string, english: string) => {
		const text = usable(t, key, english);
		if (text === undefined) untranslated.push(key);
		return text ?? english;
	};
	const question = (q: Question): Question => ({
		...q, prompt: pick(`question.${q.id}.prompt`, q.prompt),
		hints: q.hints.map((h, k) => pick(`question.${q.id}.hint.${k + 1}`, h)), explain: pick(`question.${q.id}.explain`, q.explain),
	});
	const told = new Set<number>();
	const story = lesson.story.map(b => {
		if (told.has(b.step)) return b;
		told.add(b.step);
		const ref = stepRef(lesson, b.step);
		return {...b, tcp: pick(`story.${ref}.tcp`, b.tcp), ...(b.analogy ? {analogy: pick(`story.${ref}.analogy`, b.analogy)} : {})};
	});
	const intro = lesson.intro && {tcp: pick('intro.tcp', lesson.intro.tcp), ...(lesson.intro.analogy ? {analogy: pick('intro.analogy', lesson.intro.analogy)} : {})};
	return {
		...lesson, title: pick('title', lesson.title), summary: pick('summary', lesson.summary),
		...(lesson.classic ? {classic: pick('classic', lesson.classic)} : {}),
		...(intro ? {intro} : {}), story, questions: lesson.questions.map(question),
		...(lesson.outro ? {outro: pick('outro', lesson.outro)} : {}),
		untranslated,
	};
}

/** A title or summary in the translation's language, or undefined (the menu shows the English). */
export function translatedEntryText(lesson: Lesson, t: Translation, key: 'title' | 'summary' | 'classic'): string | undefined {
	const english = lesson[key];
	return english === undefined ? undefined : usable(t, key, english);
}

/** Everything `check` refuses in a translation: missing, unknown and stale keys, placeholders, glossary terms. */
export function translationProblems(lesson: Lesson, t: Translation): InputError[] {
	const out: InputError[] = [];
	const english = lessonTexts(lesson);
	const known = new Set(english.map(e => e.key));
	for (const {key, text} of english) {
		const entry = t.texts[key];
		if (!entry) {
			out.push(new InputError(t.file, t.textsLine, `key "${key}"`, `missing: no translation of the English text in ${lesson.file} (tcp-tutor translations lists it)`));
			continue;
		}
		const now = sourceHash(text);
		if (entry.source !== now) {
			out.push(new InputError(t.file, entry.line, `key "${key}"`, `stale: the English text changed since it was translated (source ${entry.source}, now ${now}); update the text, then the hash (tcp-tutor translations shows the English)`));
		}
		const placeholders = placeholderMismatch(text, entry.text);
		if (placeholders) out.push(new InputError(t.file, entry.line, `key "${key}"`, `placeholders differ from the English: ${placeholders}`));
		if (GLOSSARY_LANGS.includes(t.lang)) {
			for (const p of glossaryProblems(text, entry.text)) out.push(new InputError(t.file, entry.line, `key "${key}"`, `glossary: ${p} (src/i18n/glossary.ts)`));
		}
	}
	for (const [key, entry] of Object.entries(t.texts)) {
		if (!known.has(key)) out.push(new InputError(t.file, entry.line, `key "${key}"`, `unknown: ${lesson.id} has no such text (a step or question id renamed, or a hint removed?)`));
	}
	return out;
}
