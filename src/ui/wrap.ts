// Word wrapping to a known width, so the player can count its lines before ink draws them
// (it must fit 80x24). Measured in display columns (text-width.ts): a Chinese character takes two.
// Chinese has no spaces between words: a line may break between any two CJK characters, but never
// before closing punctuation (，。：）…) nor after opening punctuation (（「“).
import {safeText} from '../safe-text.js';
import {clusters, fit, take, width} from '../text-width.js';

export {fit};

/** Closing punctuation: never at the start of a line (it stays with the character before it). */
const NO_LINE_START = /^[，。、：；！？）」』》〉】〕…—”’％·,.;:!?)\]}]$/u;
/** Opening punctuation: never at the end of a line (it goes with the character after it). */
const NO_LINE_END = /^[（「『《〈【〔“‘]$/u;

type Token = {text: string; width: number; space: boolean; wideEnd: boolean};

/** The pieces a line may break between: words, and each CJK character with the punctuation that clings to it. */
function tokens(para: string): Token[] {
	const out: Token[] = [];
	let cur: Token | undefined;
	let space = false;
	let glue = false;
	for (const c of clusters(para)) {
		if (/^\s+$/u.test(c)) {
			space = true;
			glue = false;
			cur = undefined;
			continue;
		}
		const w = width(c);
		const wide = w >= 2;
		if (cur && !space && (glue || NO_LINE_START.test(c) || (!wide && !cur.wideEnd))) {
			cur.text += c;
			cur.width += w;
			cur.wideEnd = wide;
		} else {
			cur = {text: c, width: w, space, wideEnd: wide};
			out.push(cur);
			space = false;
		}
		glue = NO_LINE_END.test(c);
	}
	return out;
}

/** Wrap text to lines of at most `width` columns; a word longer than a line is cut (never inside a character). Blank lines are kept. */
export function wrapText(text: string, columns: number): string[] {
	const w = Math.max(1, Math.floor(columns));
	const out: string[] = [];
	for (const para of safeText(text).split('\n')) { // measured as it will be shown (a message may quote a file)
		let line = '';
		let used = 0;
		for (const tok of tokens(para)) {
			const sep = line && tok.space ? 1 : 0;
			if (line && used + sep + tok.width <= w) {
				line += (sep ? ' ' : '') + tok.text;
				used += sep + tok.width;
				continue;
			}
			if (line) out.push(line);
			let rest = tok.text;
			while (width(rest) > w) {
				const head = take(rest, w) || clusters(rest)[0]!; // a wide character on a 1-column line: drawn anyway
				out.push(head);
				rest = rest.slice(head.length);
			}
			line = rest;
			used = width(rest);
		}
		out.push(line);
	}
	return out;
}

/** Keep at most `max` lines, ending the last kept one with "…" when some were dropped. */
export function clampLines(lines: readonly string[], max: number, columns: number): string[] {
	if (lines.length <= max) return [...lines];
	if (max <= 0) return [];
	const kept = lines.slice(0, max);
	kept[max - 1] = fit(`${kept[max - 1]!} …`, columns);
	return kept;
}
