// Text measured in display columns, as a terminal draws it: a CJK character or an emoji takes two
// columns, a combining mark none. Every layout (wrapping, cutting, padding, the ladder's columns)
// measures here, never with .length. string-width is the copy ink itself bundles (the same package
// and version in node_modules), so the bundle holds it once.
import stringWidth from 'string-width';
import {simpleWidth} from './fast-width.js';

let graphemes: Intl.Segmenter | undefined; // made when first needed: making one costs milliseconds at start-up
const segment = (text: string) => (graphemes ??= new Intl.Segmenter()).segment(text);

const measured = new Map<string, number>();

/**
 * Per UTF-16 code unit: 0 not looked at yet, ALONE + its columns when the character is always a
 * grapheme cluster of its own (no mark, joiner, jamo, prepend, control or surrogate), JOINS otherwise.
 */
const single = new Uint8Array(0x10000);
const ALONE = 1;
const JOINS = 255;

function lookUp(code: number): number {
	if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)) return JOINS; // controls (ESC starts an escape), surrogate halves
	const c = String.fromCharCode(code);
	// ASCII, CJK, full-width forms and the tutor's symbols are known without segmenting (fast-width.ts):
	// a menu in either language is measured without loading the segmenter's data or string-width's regexes.
	const known = simpleWidth(c);
	if (known !== undefined) return ALONE + known;
	// Alone when it breaks from a letter on either side and from itself: every rule that joins two
	// characters (marks, ZWJ, prepend, Hangul jamo, CR LF) fails one of these three.
	let n = 0;
	for (const _ of segment(`a${c}${c}a`)) n++;
	return n === 4 ? ALONE + stringWidth(c) : JOINS;
}

/**
 * Columns of `text` when each of its characters is a cluster of its own (ASCII, the ladder's box
 * drawing and arrows, CJK), else undefined. Then the width is a sum per character, exactly what
 * string-width finds by segmenting, without segmenting: the ladder measures every cell this way.
 */
function singlesWidth(text: string): number | undefined {
	let w = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x20 && code < 0x7f) {
			w++;
			continue;
		}
		let k = single[code]!;
		if (k === 0) k = single[code] = lookUp(code);
		if (k === JOINS) return undefined;
		w += k - ALONE;
	}
	return w;
}

/** Columns `text` takes on a terminal. */
export function width(text: string): number {
	let w = singlesWidth(text) ?? measured.get(text);
	if (w === undefined) {
		w = stringWidth(text);
		if (measured.size < 5000) measured.set(text, w); // the menu and the player measure the same lines again on every frame
	}
	return w;
}

/** The grapheme clusters of `text` (a character as the learner sees it: never half of one). */
export function clusters(text: string): string[] {
	if (singlesWidth(text) !== undefined) return text.split(''); // one cluster a character: no need to segment
	return Array.from(segment(text), s => s.segment);
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
	return takeColumns(text, n)[0];
}

/** take(), and the columns of what it kept (summed cluster by cluster, as it cuts). */
export function takeColumns(text: string, n: number): [kept: string, columns: number] {
	const whole = singlesWidth(text);
	if (whole !== undefined && whole <= n) return [text, whole]; // what the loop below would keep, cluster by cluster
	let out = '';
	let used = 0;
	for (const c of clusters(text)) {
		const w = width(c);
		if (used + w > n) break;
		out += c;
		used += w;
	}
	return [out, used];
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
