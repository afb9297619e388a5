// Layout in display columns: Chinese takes two columns a character, wraps between characters, and is
// never cut in half; full-width input reads as ASCII.
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {parseFlags, parseNumber, parseSeconds, parseSender, parseTimer, parseYesNo, toAscii} from '../../src/lessons/answers.js';
import {center, clusters, fit, padEnd, take, width} from '../../src/text-width.js';
import {clampLines, wrapText} from '../../src/ui/wrap.js';

const ZH = '客户端调用 connect()。内核选出一个初始序列号（ISN），这里是 x = 1000，并发出携带它的 SYN。客户端进入 SYN-SENT 状态。';

describe('display width', () => {
	it('counts a CJK character and full-width punctuation as two columns, ASCII as one', () => {
		expect(width('SYN')).toBe(3);
		expect(width('三次握手')).toBe(8);
		expect(width('（ISN），')).toBe(3 + 2 * 3);
		expect(padEnd('状态', 6)).toBe('状态  ');
		expect(center('中', 6)).toBe('  中  ');
	});

	it('cuts at a whole character: a wide one that does not fit is left out', () => {
		for (let n = 0; n <= 12; n++) {
			const cut = fit('三次握手与四次挥手', n);
			expect(stringWidth(cut)).toBeLessThanOrEqual(n);
			expect(cut).not.toMatch(/\uFFFD/);
		}
		expect(fit('三次握手与四次挥手', 6)).toBe('三次…');
	});

	it.each([80, 60, 40, 21, 10, 3])('wraps Chinese to %i columns: between characters, no line wider, nothing lost', w => {
		const lines = wrapText(ZH, w);
		for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(w);
		expect(lines.join('').replace(/\s/g, '')).toBe(ZH.replace(/\s/g, ''));
		// Below 11 columns "connect()。" itself must be cut: its "。" may then start a line.
		if (w > 11) for (const l of lines.slice(1)) expect(l, 'closing punctuation starts no line').not.toMatch(/^[，。：）]/);
	});

	it('keeps English words whole and Chinese lines full', () => {
		expect(wrapText('客户端调用 connect()。', 14)).toEqual(['客户端调用', 'connect()。']);
		expect(wrapText('一二三四五六七八九十', 8)).toEqual(['一二三四', '五六七八', '九十']);
		expect(clampLines(wrapText(ZH, 20), 2, 20).map(l => stringWidth(l) <= 20)).toEqual([true, true]);
	});

	// width() and clusters() skip segmenting text whose every character is a cluster of its own: mixed with
	// characters that join (marks, ZWJ, jamo, flags, CR LF, escapes) they must still agree with segmenting.
	it('measures and splits as string-width and Intl.Segmenter do, whatever the characters', () => {
		const segmenter = new Intl.Segmenter();
		const alphabet = ['a', ' ', '中', '。', '─', '▶', '·', '…', '\u0301', '\u200D', '👍', '\uFE0F', '🇦', '\u1100', '\u1161', '\u11A8', '가',
			'\r', '\n', '\u001B', '[', '3', 'm', '\u0915', '\u094D', '\u0600', 'ｶ', 'ﾞ', '\u0E33', '\u00AD', '\uD83C'];
		fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 8}), fc.nat(12), (chars, n) => {
			const text = chars.join('');
			const cs = Array.from(segmenter.segment(text), s => s.segment);
			expect(width(text)).toBe(stringWidth(text));
			expect(clusters(text)).toEqual(cs);
			let used = 0;
			expect(take(text, n)).toBe(cs.filter(c => (used += stringWidth(c)) <= n).join('')); // the clusters that fit, in order
		}), {numRuns: 2000});
	});
});

describe('answers typed with a Chinese input method', () => {
	it('full-width forms read as ASCII', () => {
		expect(toAscii('ｘ＋１')).toBe('x+1');
		expect(toAscii('ＳＹＮ，ＡＣＫ')).toBe('SYN,ACK');
		expect(toAscii('SYN，ACK')).toBe('SYN,ACK');
		expect(toAscii('SYN、ACK')).toBe('SYN,ACK');
		expect(toAscii('６０　秒')).toBe('60 秒');
		expect(parseNumber(toAscii('ｘ＋１'), {client: 1000, server: 5000})).toEqual({value: 1001, absolute: true});
		expect(parseFlags(toAscii('SYN，ACK'))).toEqual(['SYN', 'ACK']);
	});

	it('Chinese words are read as the answer they mean', () => {
		expect(parseFlags('SYN 和 ACK')).toEqual(['SYN', 'ACK']);
		expect(parseFlags('只有 ACK')).toEqual(['ACK']);
		expect(['客户端', '服务器', '服务端', '由客户端发送'].map(parseSender)).toEqual(['client', 'server', 'server', 'client']);
		expect(['是', '对', '否', '错', '不对'].map(parseYesNo)).toEqual([true, true, false, false, false]);
		expect(['重传', '重传定时器', '延迟确认', '保活', '无'].map(parseTimer)).toEqual(['retransmit', 'retransmit', 'delayed-ack', 'keepalive', 'none']);
		expect(['60 秒', '2分钟', '40 毫秒'].map(parseSeconds)).toEqual([60, 120, 0.04]);
	});
});
