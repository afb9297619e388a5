// What the menu's practice entries open, in one module the App imports only after the menu's first
// frame (with it the scheduler, ts-fsrs): the review and drill screens, the progress view, and the
// count of due cards the menu shows.
import type {LessonEntry} from '../lessons/catalog.js';
import type {Lesson} from '../lessons/schema.js';
import {reviewOf} from '../progress/review-data.js';
import type {ProgressData} from '../progress/types.js';
import {DRILL_QUESTIONS, type DrillItem, pickDrill} from '../drill/pick.js';
import {overviewLines, overviewOf} from '../overview/overview.js';
import type {Item} from '../review/run.js';
import {dueCards, scheduleAll} from '../review/schedule.js';
import {whenText} from '../review/when.js';
import type {Texts} from '../i18n/texts.js';

export {Practice} from './Practice.js';
export {ProgressScreen} from './ProgressScreen.js';

const knownIn = (entries: readonly LessonEntry[]) => (id: string) => entries.some(e => e.id === id);

export function countDue(entries: readonly LessonEntry[], data: ProgressData, now: Date): number {
	return dueCards(reviewOf(data, now), now, knownIn(entries)).length;
}

export function reviewItems(entries: readonly LessonEntry[], data: ProgressData, now: Date): Item[] {
	return dueCards(reviewOf(data, now), now, knownIn(entries)).map(c => ({lessonId: c.lessonId, questionId: c.questionId}));
}

/** When the next card is due ("tomorrow"), or undefined when none is waiting. */
export function nextDue(entries: readonly LessonEntry[], data: ProgressData, now: Date, texts: Texts): string | undefined {
	const next = scheduleAll(reviewOf(data, now), knownIn(entries)).find(c => c.due.getTime() > now.getTime());
	return next && whenText(next.due, now, texts);
}

function loadAll(entries: readonly LessonEntry[], load: (id: string) => Lesson): Lesson[] {
	return entries.flatMap(e => {
		try {
			return [load(e.id)];
		} catch {
			return [];
		}
	});
}

export function drillItems(entries: readonly LessonEntry[], load: (id: string) => Lesson, data: ProgressData, seed: number, timed: boolean): DrillItem[] {
	return pickDrill(loadAll(entries, load), seed, data.review, timed ? Number.MAX_SAFE_INTEGER : DRILL_QUESTIONS);
}

export function progressLines(entries: readonly LessonEntry[], load: (id: string) => Lesson, data: ProgressData, now: Date, texts: Texts): string[] {
	return overviewLines(overviewOf(data, loadAll(entries, load), now), now, texts);
}
