// Salvage what a store file holds: keep every valid entry (and keys a newer tutor wrote), drop only
// what cannot be read. A hand-edited file with one bad entry loses that entry, nothing else.
import type {QuestionResult, Saved} from '../lessons/engine.js';
import {readLang} from '../i18n/lang.js';
import {isRecord} from '../yaml-source.js';
import {mergeReview, normalizeReview, reviewOf} from './review-data.js';
import {type FieldStats, type LessonProgress, type ProgressData, SCHEMA_VERSION, type Settings} from './types.js';

export type Normalized = {readonly data: ProgressData & Record<string, unknown>; readonly dropped: readonly string[]};

const wholeNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function normalize(raw: unknown): Normalized {
	const dropped: string[] = [];
	const top = isRecord(raw) ? raw : {};
	if (!isRecord(raw)) dropped.push('the whole file (not a JSON object)');
	const lessons: Record<string, LessonProgress> = {};
	const rawLessons = isRecord(top['lessons']) ? top['lessons'] : {};
	for (const [id, v] of entriesOf(rawLessons, key => `lesson "${key}" (a reserved name)`, dropped)) {
		const p = lessonProgress(v, id, dropped);
		if (p) lessons[id] = p;
	}
	const fields: Record<string, FieldStats> = {};
	if (isRecord(top['fields'])) {
		for (const [f, v] of entriesOf(top['fields'], key => `accuracy of "${key}" (a reserved name)`, dropped)) {
			if (isRecord(v) && wholeNumber(v['asked']) && wholeNumber(v['firstTry']) && v['firstTry'] <= v['asked']) fields[f] = {asked: v['asked'], firstTry: v['firstTry']};
			else dropped.push(`accuracy of "${f}"`);
		}
	}
	const lastLesson = typeof top['lastLesson'] === 'string' ? top['lastLesson'] : undefined;
	const settings = settingsOf(top['settings'], dropped);
	const review = normalizeReview(top['review'], dropped);
	const version = wholeNumber(top['schemaVersion']) ? Math.max(top['schemaVersion'], SCHEMA_VERSION) : SCHEMA_VERSION;
	// Keys we do not know (a newer tutor's, conf's own __internal__) are kept as they are.
	const data = {...top, schemaVersion: version, lessons, fields, ...(lastLesson === undefined ? {} : {lastLesson}), ...(settings ? {settings} : {}), ...(review ? {review} : {})};
	if (lastLesson === undefined) delete (data as Record<string, unknown>)['lastLesson'];
	if (!settings) delete (data as Record<string, unknown>)['settings'];
	if (!review) delete (data as Record<string, unknown>)['review'];
	return {data: data as Normalized['data'], dropped};
}

/** The settings (a store older than them has none); a language this tutor does not know is left out, other keys kept. */
function settingsOf(v: unknown, dropped: string[]): Settings | undefined {
	if (v === undefined) return undefined;
	if (!isRecord(v)) {
		dropped.push('settings (not an object)');
		return undefined;
	}
	const {__proto__: _proto, language, ...rest} = v;
	const lang = typeof language === 'string' && readLang(language) === language ? readLang(language) : undefined;
	if (language !== undefined && !lang) dropped.push('the language setting');
	return {...rest, ...(lang ? {language: lang} : {})};
}

/** Own entries of a JSON object but "__proto__": assigning that key would replace the prototype, and no id may be it. */
function entriesOf(v: Record<string, unknown>, what: (key: string) => string, dropped: string[]): [string, unknown][] {
	return Object.entries(v).filter(([key]) => {
		if (key !== '__proto__') return true;
		dropped.push(what(key));
		return false;
	});
}

function lessonProgress(v: unknown, id: string, dropped: string[]): LessonProgress | undefined {
	if (!isRecord(v)) {
		dropped.push(`lesson "${id}" (not an object)`);
		return undefined;
	}
	const bestScore = typeof v['bestScore'] === 'number' && v['bestScore'] >= 0 && v['bestScore'] <= 100 ? v['bestScore'] : null;
	if (v['bestScore'] !== undefined && v['bestScore'] !== null && bestScore === null) dropped.push(`best score of "${id}"`);
	const resume = v['resume'] === undefined ? undefined : saved(v['resume'], id, dropped);
	if (v['resume'] !== undefined && !resume) dropped.push(`resume point of "${id}"`);
	return {
		...v,
		completed: v['completed'] === true,
		bestScore,
		attempts: wholeNumber(v['attempts']) ? v['attempts'] : 0,
		...(resume ? {resume} : {}),
		...(wholeNumber(v['answered']) ? {answered: v['answered']} : {}),
		...(wholeNumber(v['total']) ? {total: v['total']} : {}),
	} as LessonProgress;
}

function saved(v: unknown, lesson: string, dropped: string[]): Saved | undefined {
	if (!isRecord(v) || !wholeNumber(v['seed']) || !wholeNumber(v['pos']) || typeof v['relative'] !== 'boolean') return undefined;
	const results: Record<string, QuestionResult> = {};
	if (isRecord(v['results'])) {
		for (const [id, r] of entriesOf(v['results'], key => `result "${key}" of "${lesson}" (a reserved name)`, dropped)) {
			if (isRecord(r) && wholeNumber(r['attempts']) && wholeNumber(r['hints']) && typeof r['revealed'] === 'boolean'
				&& typeof r['firstTry'] === 'boolean' && Array.isArray(r['missed'])) {
				results[id] = {attempts: r['attempts'], hints: r['hints'], revealed: r['revealed'], firstTry: r['firstTry'], missed: r['missed'].filter(m => typeof m === 'string') as QuestionResult['missed']};
			}
		}
	}
	return {seed: v['seed'], pos: v['pos'], relative: v['relative'], results, elapsedMs: wholeNumber(v['elapsedMs']) ? v['elapsedMs'] : 0};
}

/** Merge an imported store into ours: nothing is lost from either side. */
export function merge(ours: ProgressData, theirs: ProgressData): ProgressData {
	const lessons: Record<string, LessonProgress> = {...ours.lessons};
	for (const [id, t] of Object.entries(theirs.lessons)) {
		const o = lessons[id];
		if (!o) {
			lessons[id] = t;
			continue;
		}
		const best = o.bestScore === null ? t.bestScore : t.bestScore === null ? o.bestScore : Math.max(o.bestScore, t.bestScore);
		const resume = o.resume ?? t.resume;
		lessons[id] = {...t, ...o, completed: o.completed || t.completed, bestScore: best, attempts: Math.max(o.attempts, t.attempts), ...(resume ? {resume} : {})};
	}
	const fields = {...theirs.fields, ...ours.fields};
	const lastLesson = ours.lastLesson ?? theirs.lastLesson;
	const settings = ours.settings || theirs.settings ? {...theirs.settings, ...ours.settings} : undefined; // our own choices win
	// Cards are merged from both sides' answers (a store without review reads as its resume points' answers).
	const review = ours.review || theirs.review ? mergeReview(reviewOf(ours), reviewOf(theirs)) : undefined;
	return {...theirs, ...ours, lessons, fields, ...(lastLesson ? {lastLesson} : {}), ...(settings ? {settings} : {}), ...(review ? {review} : {})};
}
