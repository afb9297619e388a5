// The schedule of every card, from its log of answers, by FSRS (ts-fsrs). Loaded only when a review,
// a drill or the progress view needs it (after the menu's first frame). Deterministic: no fuzz, and
// days, not minutes (short-term learning steps are off): a question missed today is due tomorrow,
// asked again on another day in a new scenario.
import {type Card, type Grade as FsrsGrade, createEmptyCard, fsrs} from 'ts-fsrs';
import type {ReviewData} from '../progress/review-data.js';
import type {CardLog} from '../progress/review-data.js';

const scheduler = fsrs({enable_fuzz: false, enable_short_term: false});

export type Scheduled = {
	readonly lessonId: string;
	readonly questionId: string;
	readonly due: Date;
	/** Days the card is expected to be remembered with 90% probability (FSRS stability). */
	readonly stability: number;
	readonly reps: number;
	/** Answers graded Again or Hard: how often it was missed. */
	readonly misses: number;
	readonly lastGrade: number;
	readonly lastAt: Date;
};

/** Replay a card's log through the scheduler. */
export function scheduleOf(lessonId: string, questionId: string, card: CardLog): Scheduled {
	const first = card.log[0]!;
	let c: Card = createEmptyCard(new Date(first.at));
	for (const a of card.log) c = scheduler.next(c, new Date(a.at), a.grade as FsrsGrade).card;
	const last = card.log.at(-1)!;
	return {lessonId, questionId, due: c.due, stability: c.stability, reps: card.log.length,
		misses: card.log.filter(a => a.grade <= 2).length, lastGrade: last.grade, lastAt: new Date(last.at)};
}

/** Every card (of the lessons `known` accepts), soonest due first. */
export function scheduleAll(review: ReviewData, known: (lessonId: string) => boolean = () => true): Scheduled[] {
	const all: Scheduled[] = [];
	for (const [lesson, qs] of Object.entries(review.cards)) {
		if (!known(lesson)) continue;
		for (const [q, card] of Object.entries(qs)) if (card.log.length > 0) all.push(scheduleOf(lesson, q, card));
	}
	return all.sort((a, b) => a.due.getTime() - b.due.getTime() || a.lessonId.localeCompare(b.lessonId) || a.questionId.localeCompare(b.questionId));
}

/** The cards due at `now`, soonest first. */
export function dueCards(review: ReviewData, now: Date, known?: (lessonId: string) => boolean): Scheduled[] {
	return scheduleAll(review, known).filter(c => c.due.getTime() <= now.getTime());
}
