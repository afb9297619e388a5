// The width measured without segmenting (src/fast-width.ts) is string-width's, for every character it
// claims and for any text made of them; both copies the bundle holds (ink's string-width 8 and
// wrap-ansi's string-width 7) are routed through it (scripts/build.mjs), so it must agree with each.
import fc from 'fast-check';
import stringWidth from 'string-width';
import stringWidth7 from '../../node_modules/wrap-ansi/node_modules/string-width/index.js';
import {describe, expect, it} from 'vitest';
import {simpleWidth} from '../../src/fast-width.js';

const claimed: number[] = [];
for (let c = 0; c <= 0xffff; c++) if (simpleWidth(String.fromCharCode(c)) !== undefined) claimed.push(c);
const graphemes = new Intl.Segmenter();
const clusters = (text: string) => [...graphemes.segment(text)].length;

describe('width without segmenting', () => {
	it('claims ASCII, the CJK and full-width ranges and the narrow symbols the tutor draws', () => {
		for (const text of ['SYN', '三次握手', '（ISN），', '·…→↑↓─│✓✗', 'é', '“引号”', '　']) expect(simpleWidth(text), text).toBeDefined();
		expect(claimed.length).toBeGreaterThan(28_000);
	});

	it('leaves everything else to string-width: marks, joiners, emoji, Hangul, controls, escapes, surrogates', () => {
		for (const text of ['e\u0301', '\u302a', 'a\u200db', '✅', '😀', '\u1100\u1161', '한', '\u001b[31mx', '\t', '\u00ad', 'ア', '\ud83d', '©', '↔']) {
			expect(simpleWidth(text), JSON.stringify(text)).toBeUndefined();
		}
	});

	it('gives every claimed character string-width\'s width (both copies), each a cluster of its own', () => {
		const wrong: string[] = [];
		for (const c of claimed) {
			const ch = String.fromCharCode(c);
			const w = simpleWidth(ch);
			if (w !== stringWidth(ch) || w !== stringWidth7(ch) || clusters(`${ch}${ch}a`) !== 3 || clusters(`a${ch}`) !== 2) wrong.push(c.toString(16));
		}
		expect(wrong).toEqual([]);
	});

	it('with sgr, colour sequences take no column (as ink colours a menu line); other escapes go to string-width', () => {
		const line = '\u001b[36m❯ \u001b[39m\u001b[1m用书信讲三次握手\u001b[22m  \u001b[90m未开始\u001b[39m';
		expect(simpleWidth(line, true)).toBe(stringWidth(line));
		expect(simpleWidth(line, true)).toBe(2 + 16 + 2 + 6);
		expect(simpleWidth(line)).toBeUndefined();
		for (const text of ['\u001b]8;;http://x\u0007link', '\u001b[2K', '\u001b[', '\u001bx', 'a\u001b[1;31']) expect(simpleWidth(text, true), JSON.stringify(text)).toBeUndefined();
	});

	it('agrees with string-width on any text of claimed characters', () => {
		const ch = fc.constantFrom(...claimed.map(c => String.fromCharCode(c)), 'a', ' ', '中');
		const sgr = fc.array(fc.integer({min: 0, max: 255}), {maxLength: 3}).map(ns => `\u001b[${ns.join(';')}m`);
		fc.assert(fc.property(fc.array(fc.oneof({weight: 5, arbitrary: ch}, {weight: 1, arbitrary: sgr}), {maxLength: 40}).map(cs => cs.join('')), text => {
			expect(simpleWidth(text, true)).toBe(stringWidth(text));
			expect(simpleWidth(text, true)).toBe(stringWidth7(text));
			if (!text.includes('\u001b')) expect(simpleWidth(text)).toBe(stringWidth(text));
		}), {numRuns: 2000});
	});
});
