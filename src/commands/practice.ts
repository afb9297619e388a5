// tcp-tutor review / drill in plain mode, and the progress view's overview: loaded only when run
// (the scheduler, ts-fsrs, comes with it), never before the menu's first frame.
import type {Catalog} from '../lessons/catalog.js';
import type {Lesson} from '../lessons/schema.js';
import {askPlain} from '../plain/ask.js';
import {reviewOf} from '../progress/review-data.js';
import type {ProgressStore} from '../progress/types.js';
import {DRILL_QUESTIONS, pickDrill} from '../drill/pick.js';
import {drillReport, reportLines} from '../drill/report.js';
import {drillText} from '../drill/text.js';
import {type Overview, overviewLines, overviewOf} from '../overview/overview.js';
import {interviewAnswer, sessionAt} from '../review/ask.js';
import {gradeOf} from '../review/grade.js';
import {type Item, type Run, answer, currentItem, runOver, skip, startRun, stop} from '../review/run.js';
import {dueCards, scheduleAll} from '../review/schedule.js';
import {reviewText, whenText} from '../review/text.js';
import {topicOf} from '../review/topics.js';
import type {Clock} from '../clock.js';
import type {Io} from './io.js';

export type PracticeContext = {
	readonly catalog: Catalog;
	readonly store: ProgressStore;
	readonly clock: Clock;
	readonly randomSeed: () => number;
};

/** Every lesson that loads (one that does not is left out of a review or drill, as the menu leaves it out). */
export function loadAll(catalog: Catalog): Lesson[] {
	return catalog.entries.flatMap(e => {
		try {
			return [catalog.load(e.id)];
		} catch {
			return [];
		}
	});
}

/** The cards due now, as items to ask. */
export function dueItems(ctx: Pick<PracticeContext, 'catalog' | 'store' | 'clock'>): {items: Item[]; next?: Date} {
	const now = ctx.clock();
	const known = (id: string) => ctx.catalog.entries.some(e => e.id === id);
	const review = reviewOf(ctx.store.read(), now);
	const items = dueCards(review, now, known).map(c => ({lessonId: c.lessonId, questionId: c.questionId}));
	const next = scheduleAll(review, known).find(c => c.due.getTime() > now.getTime())?.due;
	return {items, ...(next ? {next} : {})};
}

function nextDueText(ctx: PracticeContext): string | undefined {
	const {next} = dueItems(ctx);
	return next && whenText(next, ctx.clock());
}

export async function reviewPlain(ctx: PracticeContext, io: Io): Promise<number> {
	const {t, n} = reviewText;
	const {items, next} = dueItems(ctx);
	if (items.length === 0) {
		io.out(next ? t('review.nothingDue', {when: whenText(next, ctx.clock())}) : t('review.nothingYet'));
		return 0;
	}
	io.out(n('review.start', items.length));
	let run = startRun(items);
	while (!runOver(run)) {
		const item = currentItem(run)!;
		const lesson = loadOne(ctx.catalog, item.lessonId);
		const seed = ctx.randomSeed();
		const s = lesson && sessionAt(lesson, item.questionId, seed);
		if (!lesson || !s) {
			io.out(t('review.notAsked', {lesson: item.lessonId, question: item.questionId}));
			run = skip(run);
			continue;
		}
		io.out('');
		io.out(t('review.item', {k: run.index + 1, n: run.items.length, lesson: lesson.title, seed: s.seed}));
		const result = await askAndRecord(ctx, io, item, s);
		if (!result) {
			run = stop(run);
			break;
		}
		run = answer(run, result);
	}
	warnIfNotSaved(ctx.store, io);
	io.out('');
	const right = run.outcomes.filter(o => o.result.firstTry).length;
	if (run.outcomes.length < items.length - run.skipped.length) io.out(n('review.stopped', run.outcomes.length));
	const when = nextDueText(ctx);
	if (run.outcomes.length > 0) io.out(when ? t('review.done', {right, n: run.outcomes.length, when}) : t('review.doneNoNext', {right, n: run.outcomes.length}));
	return 0;
}

export async function drillPlain(ctx: PracticeContext, io: Io, minutes: number | undefined): Promise<number> {
	const {t} = drillText;
	const lessons = loadAll(ctx.catalog);
	const seed = ctx.randomSeed();
	const items = pickDrill(lessons, seed, ctx.store.read().review, minutes === undefined ? DRILL_QUESTIONS : Number.MAX_SAFE_INTEGER);
	if (items.length === 0) {
		io.out(t('drill.noQuestions'));
		return 0;
	}
	const start = ctx.clock().getTime();
	const deadline = minutes === undefined ? undefined : start + minutes * 60_000;
	io.out(minutes === undefined ? t('drill.start', {n: items.length}) : t('drill.startTimed', {minutes}));
	let run: Run = startRun(items);
	while (!runOver(run)) {
		if (deadline !== undefined && ctx.clock().getTime() >= deadline) {
			io.out(t('drill.timeUp'));
			run = stop(run);
			break;
		}
		const item = items[run.index]!;
		const lesson = lessons.find(l => l.id === item.lessonId)!;
		const s = sessionAt(lesson, item.questionId, ctx.randomSeed());
		if (!s) {
			run = skip(run);
			continue;
		}
		io.out('');
		io.out(t('drill.item', {k: run.index + 1, lesson: lesson.title, seed: s.seed}));
		io.out(t('drill.interviewer', {classic: item.classic}));
		const result = await askAndRecord(ctx, io, item, s);
		if (!result) {
			run = stop(run);
			break;
		}
		const model = interviewAnswer(lesson);
		if (model) io.out(t('drill.model', {answer: model}));
		run = answer(run, result, {topic: topicOf(lesson, lesson.questions.find(q => q.id === item.questionId)!, s.trace), lessonTitle: lesson.title});
	}
	warnIfNotSaved(ctx.store, io);
	io.out('');
	for (const line of reportLines(drillReport(run.outcomes), Math.round((ctx.clock().getTime() - start) / 1000))) io.out(line);
	return 0;
}

/** The progress view's overview: lines for the plain view, and the object `--json` adds. */
export function overviewFor(ctx: Pick<PracticeContext, 'catalog' | 'store' | 'clock'>): {overview: Overview; lines: string[]} {
	const now = ctx.clock();
	const overview = overviewOf(ctx.store.read(), loadAll(ctx.catalog), now);
	const bar = (done: number, total: number) => {
		const w = 10;
		const k = total === 0 ? 0 : Math.round((w * done) / total);
		return `${'█'.repeat(k)}${'░'.repeat(w - k)}`;
	};
	return {overview, lines: overviewLines(overview, now, bar)};
}

/** Ask one review or drill question in plain mode and record its answer in its card; undefined when the learner stopped. */
async function askAndRecord(ctx: PracticeContext, io: Io, item: Item, s: Parameters<typeof askPlain>[0]) {
	const asked = await askPlain(s, io.input, io.out);
	if (asked.ended) return undefined;
	const result = asked.session.results[item.questionId]!;
	ctx.store.recordAnswer(item.lessonId, item.questionId, gradeOf(result), ctx.clock());
	return result;
}

function loadOne(catalog: Catalog, id: string): Lesson | undefined {
	try {
		return catalog.entries.some(e => e.id === id) ? catalog.load(id) : undefined;
	} catch {
		return undefined;
	}
}

function warnIfNotSaved(store: ProgressStore, io: Io): void {
	if (store.writeError && store.writeError !== store.notice) io.err(reviewText.t('ask.notSaved', {problem: store.writeError}).trim());
}
