// Every text of spaced review (the review run, its menu entry, asking one question on its own in
// plain mode): English, in the translation catalogue's shape (see src/feature-text.ts).
import {featureTexts} from '../feature-text.js';

export const EN_REVIEW = {
	'review.menu': 'Review what you missed',
	'review.menuDue': '{n} due',
	'review.menuNone': 'nothing due',
	'review.menuAbout': 'The questions you missed or found hard come back on the day you would forget them, each in a new run of its scenario (new ISNs), so you work the answer out again.',
	'review.header': 'Review · {k} of {n} · {lesson}',
	'review.nothingDue': 'Nothing to review now. Every answered question becomes a card; the next one is due {when}.',
	'review.nothingYet': 'Nothing to review yet: answer some lesson questions first, and those you missed come back here.',
	'review.start': '{n} questions due for review. Each is asked in a new run of its scenario. Type ? for a hint, ! to see the answer, q to stop.',
	'review.start.1': '1 question due for review. It is asked in a new run of its scenario. Type ? for a hint, ! to see the answer, q to stop.',
	'review.item': 'Review {k} of {n}: {lesson} (seed {seed})',
	'review.notAsked': 'Left out: {lesson} / {question} (the lesson is not loaded, or no run of it asks this question now).',
	'review.done': 'Review done: {right} of {n} right at the first try. Next due: {when}.',
	'review.doneNoNext': 'Review done: {right} of {n} right at the first try.',
	'review.stopped': 'Review stopped after {n} questions; the rest stay due.',
	'review.stopped.1': 'Review stopped after 1 question; the rest stay due.',
	'review.nextDue': 'again {when}',
	'review.enterNext': 'Enter: next question · q: stop',
	'review.enterEnd': 'Enter: see how it went',
	'review.summaryKeys': 'Enter or q: back',
	'when.now': 'now',
	'when.today': 'later today',
	'when.tomorrow': 'tomorrow',
	'when.days': 'in {n} days',
	'ask.step': 'Step {n}: {caption}',
	'ask.analogy': 'Analogy: {text}',
	'ask.question': 'Question: {prompt}',
	'ask.hint': '  Hint {n}: {text}',
	'ask.noMoreHints': '  No more hints. Type ! to see the answer.',
	'ask.unreadable': '  Could not read "{given}": expected {expected}.',
	'ask.wrong': '  ✗ Not quite. {rule} Try again (? for a hint).',
	'ask.revealed': '  The answer: {expected}. {rule} (Counts as not solved.)',
	'ask.correct': '  ✓ {expected}. {rule}',
	'ask.youSaid': ' (you said {given})',
	'ask.notSaved': '  Warning: {problem}',
} as const;

export type ReviewKey = keyof typeof EN_REVIEW;
export const reviewText = featureTexts<ReviewKey>(EN_REVIEW);

/** "now", "later today", "tomorrow", "in 3 days": when a card is due, from `now`, by calendar days. */
export function whenText(due: Date, now: Date): string {
	if (due.getTime() <= now.getTime()) return reviewText.t('when.now');
	const days = Math.round((startOfDay(due) - startOfDay(now)) / 86_400_000);
	if (days <= 0) return reviewText.t('when.today');
	if (days === 1) return reviewText.t('when.tomorrow');
	return reviewText.t('when.days', {n: days});
}

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
