// The UI catalogues: Chinese has every text, keeps each text's {placeholders}, and keeps the glossary.
// Practice (review, the drill, the progress view) is part of them: its texts are checked with the rest.
import {readFileSync, readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {EN} from '../../src/i18n/en.js';
import {EN_PRACTICE} from '../../src/i18n/en-practice.js';
import {ZH_PRACTICE} from '../../src/i18n/zh-practice.js';
import {glossaryProblems} from '../../src/i18n/glossary.js';
import {chooseLang, langFromEnv, readLang} from '../../src/i18n/lang.js';
import {placeholderMismatch} from '../../src/i18n/placeholders.js';
import {ENGLISH, fill, loadTexts} from '../../src/i18n/texts.js';
import {ZH} from '../../src/i18n/zh.js';

const en = EN as Record<string, string>;
const zh = ZH as Record<string, string | undefined>;

describe('the language', () => {
	it.each([
		[{}, 'en'], [{LANG: 'zh_CN.UTF-8'}, 'zh'], [{LANG: 'en_US.UTF-8'}, 'en'], [{LANG: 'C'}, 'en'],
		[{LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8'}, 'zh'], [{LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8'}, 'en'],
		[{LC_ALL: 'zh_CN.GB18030', LC_MESSAGES: 'en_GB'}, 'zh'], [{LC_ALL: '', LANG: 'zh_SG'}, 'zh'],
	])('from the environment %j: %s (LC_ALL, then LC_MESSAGES, then LANG)', (env, lang) => {
		expect(langFromEnv(env)).toBe(lang);
	});

	it('--lang wins, then the stored choice, then the environment', () => {
		expect(chooseLang('en', 'zh', {LANG: 'zh_CN'})).toBe('en');
		expect(chooseLang(undefined, 'en', {LANG: 'zh_CN'})).toBe('en');
		expect(chooseLang(undefined, undefined, {LANG: 'zh_CN'})).toBe('zh');
		expect(['zh', 'zh-CN', 'ZH_cn.UTF-8', 'en', 'fr', ''].map(readLang)).toEqual(['zh', 'zh', 'zh', 'en', undefined, undefined]);
	});

	it('loads only the chosen catalogue: English is built in, Chinese comes with zh', async () => {
		expect(await loadTexts('en')).toBe(ENGLISH);
		const texts = await loadTexts('zh');
		expect(texts.t('menu.overall', {done: 1, total: 20})).toBe('已完成 1/20 课');
		expect(texts.n('summary.score', 1, {score: 50, time: '3 秒'})).toBe('得分 50% · 用时 3 秒 · 共 1 道题');
		expect(ENGLISH.n('summary.score', 1, {score: 50, time: '3 s'})).toBe('Score 50% · time 3 s · 1 question');
		expect(fill('{a} {b}', {a: 1})).toBe('1 {b}');
	});
});

describe('the Chinese catalogue', () => {
	const keys = Object.keys(en).filter(k => !k.endsWith('.1'));

	it('has every text of the English one (no English fallback in the UI), and no key the English lacks', () => {
		for (const key of keys) expect(zh[key], key).toBeTypeOf('string');
		for (const key of Object.keys(zh)) expect(en[key], key).toBeTypeOf('string');
	});

	it('keeps every text\'s placeholders', () => {
		for (const key of keys) {
			// A ".1" form may name the count in words; the placeholders of the plural form are the reference.
			expect(placeholderMismatch(en[key]!.replace(/\{n\}/g, ''), zh[key]!.replace(/\{n\}/g, '')), key).toBeUndefined();
		}
	});

	it('keeps the glossary (三次握手, 报文段, 序列号, 确认号, 定时器 …) and TCP\'s own names', () => {
		const problems = keys.flatMap(key => glossaryProblems(en[key]!, zh[key]!).map(p => `${key}: ${p}`));
		expect(problems).toEqual([]);
		for (const key of keys) for (const name of ['SYN', 'FIN', 'RST', 'TIME-WAIT', 'FIN-WAIT-2', 'SND.NXT', 'RCV.NXT']) {
			if (en[key]!.includes(name)) expect(zh[key], `${key} keeps ${name}`).toContain(name);
		}
	});

	it('holds practice\'s texts (review, the drill, the progress view): each in both languages, the same placeholders', () => {
		const practice = Object.keys(EN_PRACTICE).filter(k => !k.endsWith('.1'));
		expect(practice.length).toBeGreaterThan(40);
		for (const key of practice) {
			expect(en[key], key).toBe(EN_PRACTICE[key as keyof typeof EN_PRACTICE]);
			expect(zh[key], key).toBe(ZH_PRACTICE[key as keyof typeof ZH_PRACTICE]);
		}
		expect(Object.keys(ZH_PRACTICE).filter(k => !(k in EN_PRACTICE))).toEqual([]);
		// The checks above would catch a translation that drops or renames a number.
		expect(placeholderMismatch(EN_PRACTICE['drill.report'], '面试练习报告：{right} 道一次答对，用时 {time}。')).toBe('missing {n}');
		expect(zh['practice.topic.time-wait']).toBe('TIME-WAIT');
		expect(['practice.topic.handshake', 'practice.topic.close', 'practice.topic.queues'].map(k => zh[k])).toEqual(['三次握手', '四次挥手', '半连接（SYN）与全连接队列']);
	});

	it('Chinese texts are imported only by the Chinese catalogue (zh.ts, loaded when the language is zh)', () => {
		const dir = new URL('../../src/', import.meta.url);
		const importers = (readdirSync(dir, {recursive: true}) as string[]).filter(f => /\.tsx?$/.test(f))
			.filter(f => /from '[./]*(?:i18n\/)?zh-(?!sim)[\w-]+\.js'/.test(readFileSync(new URL(f, dir), 'utf8')));
		expect(importers.sort()).toEqual(['i18n/zh.ts']);
	});

	it('the glossary finds a wrong term and a missing one', () => {
		expect(glossaryProblems('the three-way handshake', '三路握手')).toEqual(['"三路握手" should be written 三次握手', 'the English says "three-way handshake": the Chinese should say 三次握手']);
		expect(glossaryProblems('TIME-WAIT lasts 60 s', '时间等待状态持续 60 秒')).toHaveLength(1);
		expect(glossaryProblems('the SYN queue is full', '半连接队列满了')).toEqual([]);
	});
});
