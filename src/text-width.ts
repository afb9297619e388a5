// Text measured in display columns, as a terminal draws it: a CJK character or an emoji takes two
// columns, a combining mark none. Every layout (wrapping, cutting, padding, the ladder's columns)
// measures here, never with .length. string-width is the copy ink itself bundles (the same package
// and version in node_modules), so the bundle holds it once.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter();

/** One CJK ideograph, CJK punctuation or a full-width form: two columns, known without segmenting (the common case in Chinese text). */
const WIDE_CHARACTER = /^[\u3000-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]$/;

const measured = new Map<string, number>();

/** Columns `text` takes on a terminal. */
export function width(text: string): number {
	// Plain ASCII (most of the ladder and every number) is one column a character: no need to segment it.
	if (/^[\x20-\x7e]*$/.test(text)) return text.length;
	if (WIDE_CHARACTER.test(text)) return 2;
	let w = measured.get(text);
	if (w === undefined) {
		w = stringWidth(text);
		if (measured.size < 5000) measured.set(text, w); // the menu and the player measure the same lines again on every frame
	}
	return w;
}

/** The grapheme clusters of `text` (a character as the learner sees it: never half of one). */
export function clusters(text: string): string[] {
	return Array.from(graphemes.segment(text), s => s.segment);
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
