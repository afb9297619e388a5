// A review or a drill in the interactive tutor: each question on its own screen (OneQuestion), in a
// new run of its scenario, then how it went. Loaded only when opened (with the scheduler).
import {useInput, useStdin} from 'ink';
import {useState} from 'react';
import type {QuestionResult, Session} from '../lessons/engine.js';
import type {Lesson} from '../lessons/schema.js';
import type {ProgressStore} from '../progress/types.js';
import type {Clock} from '../clock.js';
import {drillReport, reportLines} from '../drill/report.js';
import type {DrillItem} from '../drill/pick.js';
import {interviewAnswer, sessionAt} from '../review/ask.js';
import {gradeOf} from '../review/grade.js';
import {type Item, type Run, answer, currentItem, runOver, skip, startRun, stop} from '../review/run.js';
import {topicName, topicOf} from '../review/topics.js';
import {Lines} from './Lines.js';
import {OneQuestion} from './OneQuestion.js';
import {clampLines, fit, wrapText} from './wrap.js';
import {useTexts} from './texts-context.js';

export type Props = {
	readonly kind: 'review' | 'drill';
	/** The questions, in order (a drill's carry their interview question). */
	readonly items: readonly (Item | DrillItem)[];
	/** A lesson, in the learner's language. */
	readonly loadLesson: (id: string) => Lesson;
	readonly store: ProgressStore;
	readonly clock: Clock;
	readonly randomSeed: () => number;
	/** A timed drill: it ends at the first question after this many minutes. */
	readonly minutes?: number;
	/** Says when the next card is due, for the summary (review). */
	readonly nextDue?: () => string | undefined;
	/** Back to the menu. */
	readonly onBack: () => void;
	readonly width: number;
	readonly height: number;
};

type Asking = {readonly session: Session; readonly lesson: Lesson; readonly item: Item | DrillItem; readonly key: number};
type State = {readonly run: Run; readonly asking?: Asking; readonly startedAt: number; readonly timeUp?: boolean};

export function Practice({kind, items, loadLesson, store, clock, randomSeed, minutes, nextDue, onBack, width, height}: Props) {
	const {isRawModeSupported} = useStdin();
	const texts = useTexts();
	const {t} = texts;
	const deadline = (startedAt: number) => (minutes === undefined ? undefined : startedAt + minutes * 60_000);
	/** On to the next question that can be asked (or the end). */
	const advance = (run: Run, startedAt: number): State => {
		let r = run;
		const end = deadline(startedAt);
		if (end !== undefined && !runOver(r) && clock().getTime() >= end) return {run: stop(r), startedAt, timeUp: true};
		while (!runOver(r)) {
			const item = currentItem(r)!;
			let lesson: Lesson | undefined;
			try {
				lesson = loadLesson(item.lessonId);
			} catch {
				lesson = undefined;
			}
			const model = lesson && kind === 'drill' ? interviewAnswer(lesson) : undefined;
			const session = lesson && sessionAt(lesson, item.questionId, randomSeed(), texts, model ? [model] : []);
			if (lesson && session) return {run: r, asking: {session, lesson, item, key: r.index}, startedAt};
			r = skip(r);
		}
		return {run: r, startedAt};
	};
	const [state, setState] = useState<State>(() => advance(startRun(items), clock().getTime()));
	const over = state.asking === undefined;
	useInput((input, key) => {
		if (key.return || key.escape || input === 'q') onBack();
	}, {isActive: isRawModeSupported === true && over});

	if (state.asking) {
		const {session, lesson, item} = state.asking;
		const drill = kind === 'drill' ? item as DrillItem : undefined;
		const k = state.run.index + 1;
		const n = state.run.items.length;
		const topic = drill ? topicName(drill.topic, texts) : '';
		const left = minutes === undefined ? '' : `${Math.max(0, Math.ceil((deadline(state.startedAt)! - clock().getTime()) / 60_000))} ${t('unit.min')}`;
		const heading = kind === 'review' ? t('review.header', {k, n, lesson: lesson.title})
			: minutes === undefined ? t('drill.header', {k, n, topic}) : t('drill.headerTimed', {k, topic, left});
		const last = k >= n;
		const model = drill ? interviewAnswer(lesson) : undefined;
		const about = () => ({topic: topicOf(lesson, lesson.questions.find(q => q.id === item.questionId)!, session.trace), lessonTitle: lesson.title});
		return (
			<OneQuestion key={state.asking.key} session={session} heading={heading} width={width} height={height}
				{...(drill ? {before: t('drill.interviewer', {classic: drill.classic})} : {})}
				{...(model ? {after: t('drill.model', {answer: model})} : {})}
				onward={t(!last ? 'practice.enterNext' : kind === 'review' ? 'review.enterEnd' : 'drill.enterEnd')}
				onExplained={(result: QuestionResult) => store.recordAnswer(item.lessonId, item.questionId, gradeOf(result), clock())}
				onAnswered={(result: QuestionResult) => setState(s => advance(answer(s.run, result, about()), s.startedAt))}
				onQuit={() => setState(s => ({run: stop(s.run), startedAt: s.startedAt}))} />
		);
	}
	const w = Math.max(10, width);
	const {run} = state;
	const right = run.outcomes.filter(o => o.result.firstTry).length;
	let text: string[];
	if (kind === 'review') {
		const when = nextDue?.();
		text = [
			...(run.items.length < items.length - run.skipped.length ? [texts.n('review.stopped', run.outcomes.length)] : []),
			when ? t('review.done', {right, n: run.outcomes.length, when}) : t('review.doneNoNext', {right, n: run.outcomes.length}),
		];
	} else {
		text = [...(state.timeUp ? [t('drill.timeUp')] : []), ...reportLines(drillReport(run.outcomes), clock().getTime() - state.startedAt, texts)];
	}
	const warn = store.writeError ? [{text: fit(store.writeError, w), tone: 'warn' as const}] : [];
	const body = clampLines(text.flatMap(t => wrapText(t, w)), Math.max(1, height - 3 - warn.length), w).map(t => ({text: t}));
	return <Lines lines={[...body, ...warn, {text: ' '}, {text: fit(t('summary.menuKeys'), w), tone: 'dim'}]} />;
}
