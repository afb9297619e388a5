// The display width of the text the tutor draws, without segmenting it. string-width segments every
// string that is not plain ASCII into grapheme clusters (Intl.Segmenter) and tests each cluster with
// Unicode-property regexes: a Chinese menu measured that way cost a tenth of its first frame. Text made
// only of the characters below needs none of it: each is a cluster of its own (no mark, no joiner, no
// Hangul jamo, nothing that joins its neighbour) and its width is fixed, as string-width says it is
// (test/text/fast-width.test.ts checks every one against string-width). Anything else: undefined, and
// the caller asks string-width.

/** Two columns: CJK ideographs, CJK symbols and punctuation (not the combining tone marks U+302A–U+302F), full-width forms. */
function wide(c: number): boolean {
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303e)
		|| (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

/**
 * One column: Latin-1 letters and signs, general punctuation (dashes, quotes, …, ‰), arrows, box drawing
 * and blocks, ✓, ✗ and ❯. Not the soft hyphen (no column), nor the characters that are also emoji (© ® ‼ ⁉
 * ↔ ↕ ↖–↙ ↩ ↪), which string-width 7 counts as two.
 */
function narrow(c: number): boolean {
	return (c >= 0xa0 && c <= 0xff && c !== 0xa9 && c !== 0xad && c !== 0xae) || (c >= 0x2010 && c <= 0x2027)
		|| (c >= 0x2030 && c <= 0x205e && c !== 0x203c && c !== 0x2049)
		|| (c >= 0x2190 && c <= 0x21ff && !(c >= 0x2194 && c <= 0x2199) && c !== 0x21a9 && c !== 0x21aa)
		|| (c >= 0x2500 && c <= 0x259f) || c === 0x2713 || c === 0x2717 || c === 0x276f;
}

/**
 * Columns of `text` when every character is one of the above, else undefined. With `sgr`, colour and
 * style sequences (ESC [ digits and semicolons m, as ink colours a line) take no column, as string-width
 * strips them.
 */
export function simpleWidth(text: string, sgr = false): number | undefined {
	let w = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x20 && c <= 0x7e) w += 1;
		else if (c === 0x1b && sgr) {
			if (text.charCodeAt(i + 1) !== 0x5b) return undefined; // [
			let j = i + 2;
			while (j < text.length && ((text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) || text.charCodeAt(j) === 0x3b)) j++;
			if (text.charCodeAt(j) !== 0x6d) return undefined; // m
			i = j;
		}
		else if (wide(c)) w += 2;
		else if (narrow(c)) w += 1;
		else return undefined;
	}
	return w;
}
