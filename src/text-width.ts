// Text measured in display columns, as a terminal draws it: a CJK character or an emoji takes two
// columns, a combining mark none. Every layout (wrapping, cutting, padding, the ladder's columns)
// measures here, never with .length. string-width is the copy ink itself bundles (the same package
// and version in node_modules), so the bundle holds it once.
import stringWidth from 'string-width';
import {simpleWidth} from './fast-width.js';

let graphemes: Intl.Segmenter | undefined; // made when first needed: making one costs milliseconds at start-up

const measured = new Map<string, number>();

/** Columns `text` takes on a terminal. */
export function width(text: string): number {
	// ASCII, CJK and the tutor's symbols (most text) are measured without segmenting it (fast-width.ts).
	let w = simpleWidth(text) ?? measured.get(text);
	if (w === undefined) {
		w = stringWidth(text);
		if (measured.size < 5000) measured.set(text, w); // the menu and the player measure the same lines again on every frame
	}
	return w;
}

/** The grapheme clusters of `text` (a character as the learner sees it: never half of one). */
export function clusters(text: string): string[] {
	if (simpleWidth(text) !== undefined) return text.split(''); // each of those characters is a cluster of its own
	return Array.from((graphemes ??= new Intl.Segmenter()).segment(text), s => s.segment);
}

/** Cut `text` to at most `n` columns, marking the cut with "…"; a wide character that does not fit whole is left out. */
export function fit(text: string, n: number): string {
	if (width(text) <= n) return text;
	if (n <= 0) return '';
	let out = '';
	let used = 0;
	for (const c of clusters(text)) {
		const w = width(c);
		if (used + w > n - 1) break;
		out += c;
		used += w;
	}
	return `${out}…`;
}

/** The first `n` columns of `text`, without a mark (a wide character that would cross the edge is left out). */
export function take(text: string, n: number): string {
	let out = '';
	let used = 0;
	for (const c of clusters(text)) {
		const w = width(c);
		if (used + w > n) break;
		out += c;
		used += w;
	}
	return out;
}

export function padEnd(text: string, n: number): string {
	return text + ' '.repeat(Math.max(0, n - width(text)));
}

export function padStart(text: string, n: number): string {
	return ' '.repeat(Math.max(0, n - width(text))) + text;
}

export function center(text: string, n: number): string {
	const pad = Math.max(0, n - width(text));
	return ' '.repeat(Math.floor(pad / 2)) + text + ' '.repeat(Math.ceil(pad / 2));
}
