// Word wrapping to a known width, so the player can count its lines before ink draws them
// (it must fit 80x24). Every character is taken as one column.
import {safeText} from '../safe-text.js';
import {fit} from './ladder.js';

export {fit};

/** Wrap text to lines of at most `width` columns; a word longer than a line is cut. Blank lines are kept. */
export function wrapText(text: string, width: number): string[] {
	const w = Math.max(1, Math.floor(width));
	const out: string[] = [];
	for (const para of safeText(text).split('\n')) { // measured as it will be shown (a message may quote a file)
		let line = '';
		for (const word of para.split(/\s+/).filter(Boolean)) {
			let rest = [...word];
			if (line && [...line].length + 1 + rest.length <= w) {
				line += ' ' + word;
				continue;
			}
			if (line) out.push(line);
			while (rest.length > w) {
				out.push(rest.slice(0, w).join(''));
				rest = rest.slice(w);
			}
			line = rest.join('');
		}
		out.push(line);
	}
	return out;
}

/** Keep at most `max` lines, ending the last kept one with "…" when some were dropped. */
export function clampLines(lines: readonly string[], max: number, width: number): string[] {
	if (lines.length <= max) return [...lines];
	if (max <= 0) return [];
	const kept = lines.slice(0, max);
	kept[max - 1] = fit(`${kept[max - 1]!} …`, width);
	return kept;
}

/** A progress bar of `width` cells: █ done, ░ to do. */
export function bar(done: number, total: number, width: number): string {
	const w = Math.max(0, width);
	const filled = total <= 0 ? w : Math.round((w * Math.min(done, total)) / total);
	return '█'.repeat(filled) + '░'.repeat(w - filled);
}

/** "4 min 05 s", "42 s". */
export function duration(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	if (s < 60) return `${s} s`;
	const m = Math.floor(s / 60);
	if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
	return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
