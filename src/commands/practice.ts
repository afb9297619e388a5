// tcp-tutor review / drill in plain mode, and the progress view's overview: loaded only when run
// (the scheduler, ts-fsrs, comes with it), never before the menu's first frame.
import type {Catalog} from '../lessons/catalog.js';
import type {Lesson} from '../lessons/schema.js';
import {askPlain} from '../plain/ask.js';
import {reviewOf} from '../progress/review-data.js';
import type {ProgressStore} from '../progress/types.js';
import {DRILL_QUESTIONS, pickDrill} from '../drill/pick.js';
import {drillReport, reportLines} from '../drill/report.js';
import {type Overview, overviewLines, overviewOf} from '../overview/overview.js';
import {interviewAnswer, sessionAt} from '../review/ask.js';
import {gradeOf} from '../review/grade.js';
import {type Item, type Run, answer, currentItem, runOver, skip, startRun, stop} from '../review/run.js';
import {dueCards, scheduleAll} from '../review/schedule.js';
import {whenText} from '../review/when.js';
import {topicOf} from '../review/topics.js';
import type {Clock} from '../clock.js';
import type {Texts} from '../i18n/texts.js';
import type {Io} from './io.js';

export type PracticeContext = {
	readonly catalog: Catalog;
	/** The learner's texts: lessons load in their language too. */
	readonly texts: Texts;
	readonly store: ProgressStore;
	readonly clock: Clock;
	readonly randomSeed: () => number;
};

/** Every lesson that loads, in the learner's language (one that does not is left out of a review or drill, as the menu leaves it out). */
export function loadAll(ctx: Pick<PracticeContext, 'catalog' | 'texts'>): Lesson[] {
	return ctx.catalog.entries.flatMap(e => {
		const lesson = loadOne(ctx, e.id);
		return lesson ? [lesson] : [];
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
	return next && whenText(next, ctx.clock(), ctx.texts);
}

export async function reviewPlain(ctx: PracticeContext, io: Io): Promise<number> {
	const {t, n} = ctx.texts;
	const {items, next} = dueItems(ctx);
	if (items.length === 0) {
		io.out(next ? t('review.nothingDue', {when: whenText(next, ctx.clock(), ctx.texts)}) : t('review.nothingYet'));
		return 0;
	}
	io.out(n('review.start', items.length));
	let run = startRun(items);
	while (!runOver(run)) {
		const item = currentItem(run)!;
		const lesson = loadOne(ctx, item.lessonId);
		const seed = ctx.randomSeed();
		const s = lesson && sessionAt(lesson, item.questionId, seed, ctx.texts);
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
	const {t} = ctx.texts;
	const lessons = loadAll(ctx);
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
		const model = interviewAnswer(lesson);
		const s = sessionAt(lesson, item.questionId, ctx.randomSeed(), ctx.texts, model ? [model] : []);
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
		if (model) io.out(t('drill.model', {answer: model}));
		run = answer(run, result, {topic: topicOf(lesson, lesson.questions.find(q => q.id === item.questionId)!, s.trace), lessonTitle: lesson.title});
	}
	warnIfNotSaved(ctx.store, io);
	io.out('');
	for (const line of reportLines(drillReport(run.outcomes), ctx.clock().getTime() - start, ctx.texts)) io.out(line);
	return 0;
}

/** The progress view's overview: lines for the plain view, and the object `--json` adds (its keys in English, its prompts in the learner's language). */
export function overviewFor(ctx: Pick<PracticeContext, 'catalog' | 'store' | 'clock' | 'texts'>): {overview: Overview; lines: string[]} {
	const now = ctx.clock();
	const overview = overviewOf(ctx.store.read(), loadAll(ctx), now);
	return {overview, lines: overviewLines(overview, now, ctx.texts)};
}

/** Ask one review or drill question in plain mode and record its answer in its card; undefined when the learner stopped. */
async function askAndRecord(ctx: PracticeContext, io: Io, item: Item, s: Parameters<typeof askPlain>[0]) {
	const asked = await askPlain(s, io.input, io.out);
	if (asked.ended) return undefined;
	const result = asked.session.results[item.questionId]!;
	ctx.store.recordAnswer(item.lessonId, item.questionId, gradeOf(result), ctx.clock());
	return result;
}

function loadOne({catalog, texts}: Pick<PracticeContext, 'catalog' | 'texts'>, id: string): Lesson | undefined {
	try {
		return catalog.entries.some(e => e.id === id) ? catalog.load(id, texts.lang) : undefined;
	} catch {
		return undefined;
	}
}

function warnIfNotSaved(store: ProgressStore, io: Io): void {
	if (store.writeError && store.writeError !== store.notice) io.err(io.texts.t('plain.warning', {problem: store.writeError}).trim());
}
