// Every shipped lesson played through the engine in Chinese: every text the learner reads is the
// translation (no English fallback), answers typed as a Chinese input method types them are read,
// and right answers, wrong answers, hints and a reveal all speak Chinese.
import {cpSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadTexts} from '../../src/i18n/texts.js';
import {openCatalog} from '../../src/lessons/catalog.js';
import {
	type Session, currentField, currentQuestion, explanation, hintTexts, isDone, promptText, reduce, startSession, storyFor,
} from '../../src/lessons/engine.js';
import {right, wrong} from './typed-answers.js';

const catalog = openCatalog([new URL('../../lessons/', import.meta.url).pathname]);
const zh = await loadTexts('zh');
/** Chinese: Han characters, or Chinese punctuation around TCP's own names (a last hint "SYN,ACK，ack = x+1。"). */
const HAN = /[\p{Script=Han}，。：；（）？！]/u;
/** A full-width form of an ASCII answer, as a Chinese input method in full-width mode types it. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, c => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function play(s: Session, mode: 'right' | 'wrong-first' | 'hint-first' | 'reveal', seen: string[]): Session {
	for (let guard = 0; guard < 1000 && !isDone(s); guard++) {
		const story = storyFor(s);
		if (story) seen.push(story.tcp, ...(story.analogy ? [story.analogy] : []));
		if (!currentQuestion(s) || s.explained) {
			const why = explanation(s);
			if (why) seen.push(why);
			s = reduce(s, {type: 'next'});
			continue;
		}
		seen.push(promptText(s)!);
		if (mode === 'reveal') {
			s = reduce(s, {type: 'reveal'});
			expect(s.feedback?.kind).toBe('revealed');
			seen.push(s.feedback!.rule ?? '');
			continue;
		}
		if (mode === 'wrong-first') {
			s = reduce(s, {type: 'answer', text: wrong(s)});
			expect(s.feedback?.kind).toBe('wrong');
			expect(s.feedback?.rule, 'the rule of a wrong answer is in Chinese').toMatch(HAN);
		}
		if (mode === 'hint-first') {
			const q = currentQuestion(s)!;
			for (let k = 0; k < q.hints.length; k++) s = reduce(s, {type: 'hint'});
			seen.push(...hintTexts(s));
		}
		const field = currentField(s)!;
		s = reduce(s, {type: 'answer', text: mode === 'right' ? fullWidth(right(s)) : right(s)});
		expect(s.feedback?.kind, `${field}: ${s.feedback?.given}`).toBe('correct');
		if (s.feedback?.rule) seen.push(s.feedback.rule);
	}
	return s;
}

// Every shipped lesson (each has its translation: translation-check.test.ts).
describe.each(catalog.entries.map(e => e.id))('%s in Chinese', id => {
	const lesson = catalog.load(id, 'zh');

	it('is wholly translated: title, story, prompts, hints, explanations, outro', () => {
		expect(lesson.untranslated).toEqual([]);
		for (const text of [lesson.title, lesson.summary, lesson.intro!.tcp, lesson.outro!, ...lesson.questions.flatMap(q => [q.prompt, q.explain, ...q.hints])]) {
			expect(text).toMatch(HAN);
		}
	});

	it.each(['right', 'wrong-first', 'hint-first', 'reveal'] as const)('plays to the end, %s, in Chinese', mode => {
		for (const seed of id === 'handshake-letters' || id === 'handshake-numbers' ? [1, 7, 4242] : [7]) {
			const seen: string[] = [];
			const s = play(startSession(lesson, seed, undefined, zh), mode, seen);
			expect(isDone(s)).toBe(true);
			expect(Object.keys(s.results)).toHaveLength(lesson.questions.length);
			for (const text of seen.filter(Boolean)) {
				expect(text, 'every text shown is Chinese').toMatch(HAN);
				expect(text, 'every placeholder filled').not.toMatch(/\{[a-z][\w.]*(?:[+-]\d+)?\}/i);
			}
		}
	});
});

describe('fallback and choices', () => {
	it('a lesson without a translation plays in English and says which keys are English', () => {
		// Every shipped lesson is translated: a learner's own lesson folder without a zh/ folder stands in.
		const dir = mkdtempSync(join(tmpdir(), 'tcp-tutor-untranslated-'));
		cpSync(new URL('../../lessons/03-data-transfer.yaml', import.meta.url).pathname, join(dir, '03-data-transfer.yaml'));
		const own = openCatalog([dir]);
		const lesson = own.load('data-transfer', 'zh');
		expect(lesson.untranslated!.length).toBeGreaterThan(10);
		expect(lesson.title).toBe(own.load('data-transfer').title);
		expect(catalog.load('data-transfer', 'zh').untranslated).toEqual([]); // the shipped one is translated
	});

	it('choices a learner picks by number read back in Chinese (是/否, 客户端/服务器)', () => {
		const s = startSession(catalog.load('handshake-letters', 'zh'), 7, undefined, zh);
		let n = s;
		while (!currentQuestion(n)) n = reduce(n, {type: 'next'});
		n = reduce(n, {type: 'answer', text: '１'}); // SYN, typed full-width: wrong
		expect(n.feedback?.kind).toBe('wrong');
		n = reduce(n, {type: 'answer', text: 'ＳＹＮ，ＡＣＫ'});
		expect(n.feedback).toMatchObject({kind: 'correct', expected: 'SYN,ACK', rule: '服务器发出的是 SYN,ACK。'});
		n = reduce(n, {type: 'answer', text: 'ｘ＋１'});
		expect(n.feedback?.kind).toBe('correct');
		expect(n.feedback?.rule).toBe('ack 是服务器期望从客户端收到的下一个编号（RCV.NXT）：ack = x + 1 (SYN) = 1000 + 1 = 1001。');
	});
});
