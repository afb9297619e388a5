// When a review card is due, in words: "now", "later today", "tomorrow", "in 3 days".
import type {Texts} from '../i18n/texts.js';

/** When `due` is, seen from `now`, by calendar days. */
export function whenText(due: Date, now: Date, {t}: Texts): string {
	if (due.getTime() <= now.getTime()) return t('when.now');
	const days = Math.round((startOfDay(due) - startOfDay(now)) / 86_400_000);
	if (days <= 0) return t('when.today');
	if (days === 1) return t('when.tomorrow');
	return t('when.days', {n: days});
}

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
