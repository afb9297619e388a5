// Two columns of text for the terminal, measured in display columns (a CJK character or an emoji
// takes two), not in characters: padEnd() misaligns every row after a wide title.
import {fit, padEnd, width} from '../text-width.js';

/** Rows of [first, second]: the first column as wide as its widest cell but at most `maxFirst`, cells cut to fit. */
export function twoColumns(rows: readonly (readonly [string, string])[], maxFirst: number): string[] {
	const first = Math.min(maxFirst, Math.max(0, ...rows.map(([cell]) => width(cell))));
	return rows.map(([cell, second]) => `${padEnd(fit(cell, first), first)}  ${second}`);
}
