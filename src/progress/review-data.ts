// The review part of the store: every answered question is a card, kept as the log of its answers
// (when, and its grade). The schedule is not stored: the scheduler (src/review/schedule.ts) replays a
// card's log, so two stores merge by putting their logs together, and a newer scheduler reads an
// older log. A store written before review existed has no `review`: it reads as the cards its resume
// points hold (their results are answers too), and the first write stores them (an additive migration).
import type {QuestionResult} from '../lessons/engine.js';
import {type Grade, gradeOf, isGrade} from '../review/grade.js';
import {isRecord} from '../yaml-source.js';
import type {ProgressData} from './types.js';

export type Answer = {
	/** When it was answered (ISO 8601). */
	readonly at: string;
	readonly grade: Grade;
};
export type CardLog = {readonly log: readonly Answer[]};
/** Cards by lesson id, then question id. */
export type ReviewData = {readonly cards: Readonly<Record<string, Readonly<Record<string, CardLog>>>>};

/** A card's log never holds more answers than this (the oldest go first): a learner answers a question a few dozen times at most. */
export const MAX_LOG = 200;

const validTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Keep every readable card and answer; say what was left out. */
export function normalizeReview(v: unknown, dropped: string[]): ReviewData | undefined {
	if (v === undefined) return undefined;
	if (!isRecord(v) || (v['cards'] !== undefined && !isRecord(v['cards']))) {
		dropped.push('review cards (not an object)');
		return undefined;
	}
	const cards: Record<string, Record<string, CardLog>> = {};
	for (const [lesson, qs] of Object.entries(isRecord(v['cards']) ? v['cards'] : {})) {
		if (lesson === '__proto__' || !isRecord(qs)) {
			dropped.push(`review cards of "${lesson}"`);
			continue;
		}
		const own: Record<string, CardLog> = {};
		for (const [q, card] of Object.entries(qs)) {
			const log = q === '__proto__' || !isRecord(card) || !Array.isArray(card['log']) ? undefined
				: card['log'].filter((a): a is Answer => isRecord(a) && validTime(a['at']) && isGrade(a['grade'])).map(a => ({at: a.at, grade: a.grade}));
			if (!log || log.length !== (card as {log: unknown[]}).log.length) dropped.push(`review card "${lesson}/${q}"`);
			if (log && log.length > 0) own[q] = {...(card as object), log: sorted(log)};
		}
		cards[lesson] = own;
	}
	return {...v, cards};
}

const sorted = (log: readonly Answer[]): Answer[] => [...log].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-MAX_LOG);

/** The store's review data; for a store older than review, the cards its resume points hold. */
export function reviewOf(data: ProgressData, now: Date = new Date()): ReviewData {
	if (data.review) return data.review;
	const cards: Record<string, Record<string, CardLog>> = {};
	for (const [lesson, p] of Object.entries(data.lessons)) {
		const results: Record<string, QuestionResult> = p.resume?.results ?? {};
		const at = p.updatedAt !== undefined && validTime(p.updatedAt) ? p.updatedAt : now.toISOString();
		for (const [q, r] of Object.entries(results)) (cards[lesson] ??= {})[q] = {log: [{at, grade: gradeOf(r)}]};
	}
	return {cards};
}

/** The data with `review` in it (migrated when it was missing). */
export function withReview(data: ProgressData, now?: Date): ProgressData {
	return data.review ? data : {...data, review: reviewOf(data, now)};
}

export function addAnswer(review: ReviewData, lesson: string, question: string, answer: Answer): ReviewData {
	const qs = Object.hasOwn(review.cards, lesson) ? review.cards[lesson]! : {};
	const card = Object.hasOwn(qs, question) ? qs[question]! : {log: []};
	return {...review, cards: {...review.cards, [lesson]: {...qs, [question]: {...card, log: sorted([...card.log, answer])}}}};
}

/** Two stores' cards: every answer of both, each once. */
export function mergeReview(ours: ReviewData, theirs: ReviewData): ReviewData {
	const cards: Record<string, Record<string, CardLog>> = {};
	for (const lesson of new Set([...Object.keys(theirs.cards), ...Object.keys(ours.cards)])) {
		const o = ours.cards[lesson] ?? {};
		const t = theirs.cards[lesson] ?? {};
		const merged: Record<string, CardLog> = {};
		for (const q of new Set([...Object.keys(t), ...Object.keys(o)])) {
			const seen = new Set<string>();
			const log = [...(t[q]?.log ?? []), ...(o[q]?.log ?? [])].filter(a => {
				const key = `${a.at} ${a.grade}`;
				if (seen.has(key)) return false;
				seen.add(key);
				return true;
			});
			merged[q] = {...t[q], ...o[q], log: sorted(log)};
		}
		cards[lesson] = merged;
	}
	return {...theirs, ...ours, cards};
}

/** Forget one lesson's cards, or all. */
export function forgetReview(review: ReviewData, lesson?: string): ReviewData {
	if (lesson === undefined) return {...review, cards: {}};
	const {[lesson]: _gone, ...cards} = review.cards;
	return {...review, cards};
}
