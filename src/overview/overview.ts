// The progress view's content, as data (the plain, --json and ink views draw it): per topic how much
// is mastered, the cards due, the questions missed most, and the streak of days practised.
import type {Lesson} from '../lessons/schema.js';
import {reviewOf} from '../progress/review-data.js';
import type {ProgressData} from '../progress/types.js';
import {type Scheduled, scheduleAll} from '../review/schedule.js';
import {TOPICS, type Topic, topicName, topicOf} from '../review/topics.js';
import {whenText} from '../review/when.js';
import {run} from '../sim/run.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import {firstSentence} from '../lessons/text.js';
import {bar} from '../amounts.js';
import {padEnd, width} from '../text-width.js';

export type Overview = {
	readonly topics: readonly {readonly topic: Topic; readonly questions: number; readonly answered: number; readonly mastered: number}[];
	readonly due: number;
	readonly nextDue: string | null;
	/** The questions missed most, each with the first sentence of its prompt (in the lessons' language). */
	readonly missedMost: readonly {readonly lessonId: string; readonly questionId: string; readonly misses: number; readonly prompt: string}[];
	/** Days in a row with an answered question, up to today (a streak is still alive the day after). */
	readonly streak: number;
	readonly daysPractised: number;
};

/** A local calendar day: YYYY-MM-DD. */
export function dayOf(d: Date): string {
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Days in a row ending today, or yesterday when today has nothing yet. */
export function streakOf(days: ReadonlySet<string>, now: Date): number {
	const d = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12);
	if (!days.has(dayOf(d))) d.setDate(d.getDate() - 1);
	let n = 0;
	while (days.has(dayOf(d))) {
		n++;
		d.setDate(d.getDate() - 1);
	}
	return n;
}

const MISSED_ROWS = 5;

export function overviewOf(data: ProgressData, lessons: readonly Lesson[], now: Date): Overview {
	const review = reviewOf(data, now);
	const byId = new Map(lessons.map(l => [l.id, l]));
	const cards = scheduleAll(review, id => byId.has(id));
	const card = new Map(cards.map(c => [`${c.lessonId}/${c.questionId}`, c]));
	const counts = new Map<Topic, {questions: number; answered: number; mastered: number}>(TOPICS.map(t => [t, {questions: 0, answered: 0, mastered: 0}]));
	for (const lesson of lessons) {
		const trace = run(lesson.scenario, 1); // topics depend on the trace's shape, not on its ISNs
		for (const q of lesson.questions) {
			const c = counts.get(topicOf(lesson, q, trace))!;
			const k = card.get(`${lesson.id}/${q.id}`);
			c.questions++;
			if (k) c.answered++;
			if (k && mastered(k, now)) c.mastered++;
		}
	}
	const due = cards.filter(c => c.due.getTime() <= now.getTime());
	const next = cards.find(c => c.due.getTime() > now.getTime());
	const missedMost = cards.filter(c => c.misses > 0).sort((a, b) => b.misses - a.misses || b.lastAt.getTime() - a.lastAt.getTime()).slice(0, MISSED_ROWS)
		.map(c => ({lessonId: c.lessonId, questionId: c.questionId, misses: c.misses, prompt: promptOf(byId.get(c.lessonId), c.questionId)}));
	const days = new Set<string>();
	for (const qs of Object.values(review.cards)) for (const k of Object.values(qs)) for (const a of k.log) days.add(dayOf(new Date(a.at)));
	return {
		topics: TOPICS.map(topic => ({topic, ...counts.get(topic)!})).filter(t => t.questions > 0),
		due: due.length, nextDue: next ? next.due.toISOString() : null, missedMost, streak: streakOf(days, now), daysPractised: days.size,
	};
}

/** Right at the first try the last time it was asked, and not due again yet. */
function mastered(c: Scheduled, now: Date): boolean {
	return c.lastGrade >= 3 && c.due.getTime() > now.getTime();
}

/** The first sentence of a question's prompt, its numbers ({client.isn} …) left out: they belong to one run. */
function promptOf(lesson: Lesson | undefined, questionId: string): string {
	const prompt = lesson?.questions.find(q => q.id === questionId)?.prompt;
	return prompt === undefined ? questionId : firstSentence(prompt).replace(/\{[\w.+-]+\}/g, '…');
}

/** Cells of a topic's bar. */
const BAR = 10;

/** The view as lines (plain mode; the ink screen draws the same lines). */
export function overviewLines(o: Overview, now: Date, texts: Texts = ENGLISH): string[] {
	const {t, n} = texts;
	const lines = [t('overview.topics')];
	const names = new Map(o.topics.map(x => [x.topic, topicName(x.topic, texts)]));
	const column = Math.max(...[...names.values()].map(width)); // display columns: a Chinese name takes two a character
	for (const x of o.topics) {
		lines.push(`  ${bar(x.mastered, x.questions, BAR)} ${t('overview.topic', {topic: padEnd(names.get(x.topic)!, column), mastered: x.mastered, n: x.questions, seen: x.answered})}`);
	}
	lines.push('');
	lines.push(o.due > 0 ? n('overview.due', o.due) : o.nextDue ? t('overview.dueNone', {when: whenText(new Date(o.nextDue), now, texts)}) : t('overview.dueNothing'));
	lines.push('');
	if (o.missedMost.length === 0) lines.push(t('overview.missedNone'));
	else {
		lines.push(t('overview.missed'));
		for (const m of o.missedMost) lines.push(`  ${t('overview.missedRow', {n: m.misses, lesson: m.lessonId, prompt: m.prompt})}`);
	}
	lines.push('');
	lines.push(o.streak === 0 ? t('overview.streakNone', {days: o.daysPractised}) : n('overview.streak', o.streak, {days: o.daysPractised}));
	return lines;
}
