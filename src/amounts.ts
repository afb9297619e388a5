// How much and how long, as a learner reads them: a progress bar, a duration in the learner's units.
// Used by the player's header, a lesson's summary, the drill's report and the progress view.
import {ENGLISH, type Texts} from './i18n/texts.js';

/** A progress bar of `width` cells: █ done, ░ to do (both one column). */
export function bar(done: number, total: number, cells: number): string {
	const w = Math.max(0, cells);
	const filled = total <= 0 ? w : Math.round((w * Math.min(done, total)) / total);
	return '█'.repeat(filled) + '░'.repeat(w - filled);
}

/** "4 min 05 s", "42 s" (or "4 分 05 秒" in Chinese). */
export function duration(ms: number, {t}: Texts = ENGLISH): string {
	const u = {h: t('unit.h'), min: t('unit.min'), s: t('unit.s')};
	const s = Math.max(0, Math.round(ms / 1000));
	if (s < 60) return `${s} ${u.s}`;
	const m = Math.floor(s / 60);
	if (m < 60) return `${m} ${u.min} ${String(s % 60).padStart(2, '0')} ${u.s}`;
	return `${Math.floor(m / 60)} ${u.h} ${String(m % 60).padStart(2, '0')} ${u.min}`;
}
