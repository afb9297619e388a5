// Two columns of text for the terminal, measured in display columns (a CJK character or an emoji
// takes two), not in characters: padEnd() misaligns every row after a wide title.
// string-width is loaded when a table is drawn, not when the CLI starts (see deferred.ts).

export type Measure = (text: string) => number;

export async function displayWidth(): Promise<Measure> {
	return (await import('string-width')).default;
}

/** `text` cut to at most `width` display columns, ending in "…" when cut. */
export function cut(text: string, width: number, measure: Measure): string {
	if (measure(text) <= width) return text;
	let out = '';
	for (const {segment} of new Intl.Segmenter().segment(text)) { // whole graphemes: never half an emoji
		if (measure(out + segment) > width - 1) break;
		out += segment;
	}
	return `${out}…`;
}

/** Rows of [first, second]: the first column as wide as its widest cell but at most `maxFirst`, cells cut to fit. */
export function twoColumns(rows: readonly (readonly [string, string])[], maxFirst: number, measure: Measure): string[] {
	const width = Math.min(maxFirst, Math.max(0, ...rows.map(([first]) => measure(first))));
	return rows.map(([first, second]) => {
		const cell = cut(first, width, measure);
		return `${cell}${' '.repeat(width - measure(cell))}  ${second}`;
	});
}
