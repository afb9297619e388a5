// Every text of the progress view (tcp-tutor progress, the menu's "Your progress"): English, in the
// translation catalogue's shape (see src/feature-text.ts).
import {featureTexts} from '../feature-text.js';

export const EN_OVERVIEW = {
	'overview.menu': 'Your progress',
	'overview.menuAbout': 'How much of each topic you have mastered, what is due for review, the questions you missed most, and your streak of days.',
	'overview.title': 'Your progress',
	'overview.topics': 'Mastered, by topic (right at the first try the last time, and not due):',
	'overview.topic': '{topic}: {mastered} of {n} mastered, {seen} answered',
	'overview.due': '{n} questions due for review (tcp-tutor review).',
	'overview.due.1': '1 question due for review (tcp-tutor review).',
	'overview.dueNone': 'Nothing due for review; the next is due {when}.',
	'overview.dueNothing': 'No review cards yet: every question you answer becomes one.',
	'overview.missed': 'Missed most:',
	'overview.missedRow': '{n}× {lesson}: {prompt}',
	'overview.missedNone': 'No question missed yet.',
	'overview.streak': 'Streak: {n} days in a row; {days} days practised in all.',
	'overview.streak.1': 'Streak: 1 day; {days} days practised in all.',
	'overview.streakNone': 'No streak yet: practise today to start one ({days} days practised in all).',
	'overview.keys': 'Enter or q: back',
} as const;

export type OverviewKey = keyof typeof EN_OVERVIEW;
export const overviewText = featureTexts<OverviewKey>(EN_OVERVIEW);
