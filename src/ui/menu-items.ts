// What the menu lists, as plain data (tested without ink): lessons grouped by topic, each with its
// state from the progress store, "continue where you left off" first, and the overall progress line.
import {ENGLISH, type Texts} from '../i18n/texts.js';
import {type LessonEntry, topicOf} from '../lessons/catalog.js';
import type {LessonProgress, ProgressData} from '../progress/types.js';

/** The menu's practice entries (review, drill, the progress view): not lessons. */
export type MenuAction = 'review' | 'drill' | 'progress';

export type MenuLine = {
	/** Unique: "continue", "lesson:<id>" or "action:<action>" (SelectInput's value). */
	readonly value: string;
	/** The lesson it opens ('' for a practice entry). */
	readonly lessonId: string;
	/** A practice entry: what it opens instead of a lesson. */
	readonly action?: MenuAction;
	/** Set on the first lesson of a topic: the group header drawn above it. */
	readonly header?: string;
	readonly title: string;
	/** "not started", "in progress 2/3", "✓ done · best 80%". */
	readonly status: string;
	readonly done: boolean;
	readonly inProgress: boolean;
	/** Shown under the list for the highlighted line. */
	readonly about: string;
	/** The classic interview question the lesson answers, shown under the list too. */
	readonly classic?: string;
};

export function statusOf(p: LessonProgress | undefined, questions: number, {t}: Texts = ENGLISH): {text: string; done: boolean; inProgress: boolean} {
	const done = p?.completed === true;
	const best = done && p?.bestScore !== null && p?.bestScore !== undefined ? t('status.best', {score: p.bestScore}) : '';
	if (p?.resume) return {text: t('status.inProgress', {answered: p.answered ?? 0, total: p.total ?? questions, best}), done, inProgress: true};
	if (done) return {text: t('status.done', {best}), done, inProgress: false};
	return {text: t('status.notStarted'), done: false, inProgress: false};
}

/** "Handshake", "Teardown" (握手, 挥手与关闭): a tag as a heading. */
export function topicTitle(tag: string, {t}: Texts = ENGLISH): string {
	return t(`topic.${tag as 'handshake'}`) ?? tag;
}

/**
 * The practice group, after the lessons: review (with how many are due once the scheduler has
 * counted them: it loads after the first frame), the interview drill, the progress view.
 */
export function practiceLines(due: number | undefined, {t}: Texts = ENGLISH): MenuLine[] {
	const status = due === undefined ? '' : due === 0 ? t('practice.reviewNone') : t('practice.reviewDue', {n: due});
	const line = (action: MenuAction, title: string, about: string, extra: Partial<MenuLine> = {}): MenuLine =>
		({value: `action:${action}`, lessonId: '', action, title, status: '', done: false, inProgress: false, about, ...extra});
	return [
		line('review', t('practice.review'), t('practice.reviewAbout'), {header: t('practice.header'), status, inProgress: (due ?? 0) > 0}),
		line('drill', t('practice.drill'), t('practice.drillAbout')),
		line('progress', t('practice.progress'), t('practice.progressAbout')),
	];
}

export function menuLines(entries: readonly LessonEntry[], data: ProgressData, texts: Texts = ENGLISH, due?: number): MenuLine[] {
	const {t} = texts;
	const lines: MenuLine[] = [];
	const about = (e: LessonEntry) => texts.n('menu.about', e.questions, {summary: e.summary, level: t(`level.${e.level}`), minutes: e.minutes});
	const last = data.lastLesson === undefined ? undefined : entries.find(e => e.id === data.lastLesson);
	const lastProgress = last ? data.lessons[last.id] : undefined;
	if (last && lastProgress?.resume) {
		lines.push({value: 'continue', lessonId: last.id, title: t('menu.continue', {title: last.title}),
			status: `${lastProgress.answered ?? 0}/${lastProgress.total ?? last.questions}`, done: false, inProgress: true, about: about(last), ...classicOf(last)});
	}
	const topics: string[] = [];
	for (const e of entries) if (!topics.includes(topicOf(e))) topics.push(topicOf(e));
	for (const topic of topics) {
		entries.filter(e => topicOf(e) === topic).forEach((e, i) => {
			const st = statusOf(data.lessons[e.id], e.questions, texts);
			lines.push({value: `lesson:${e.id}`, lessonId: e.id, ...(i === 0 ? {header: topicTitle(topic, texts)} : {}), title: e.title,
				status: st.text, done: st.done, inProgress: st.inProgress, about: about(e), ...classicOf(e)});
		});
	}
	if (entries.length > 0) lines.push(...practiceLines(due, texts));
	return lines;
}

function classicOf(e: LessonEntry): {classic?: string} {
	return e.classic === undefined ? {} : {classic: e.classic};
}

/** "3 of 17 lessons done". */
export function overallLine(entries: readonly LessonEntry[], data: ProgressData, texts: Texts = ENGLISH): string {
	const done = entries.filter(e => data.lessons[e.id]?.completed).length;
	return texts.n('menu.overall', entries.length, {done, total: entries.length});
}

/**
 * How many items SelectInput may show (its `limit`) so that items plus the group headers among them
 * fit in `height` lines, for every window it can scroll to (it rotates the list).
 */
export function listLimit(lines: readonly MenuLine[], height: number): number {
	const n = lines.length;
	const cost = (start: number, size: number) => {
		let c = size;
		for (let k = 0; k < size; k++) if (lines[(start + k) % n]!.header) c++;
		return c;
	};
	for (let size = n; size > 1; size--) {
		let ok = true;
		for (let start = 0; start < n && ok; start++) ok = cost(start, size) <= height;
		if (ok) return size;
	}
	return 1;
}
