// The language setting in the progress store: added after 0.1.0, so a store written before it keeps
// working unchanged, and the choice is kept next to the learner's progress.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {normalize} from '../../src/progress/normalize.js';
import {storedLanguage} from '../../src/progress/store.js';
import {cli} from '../helpers/cli.js';
import {tempDir, tempStore} from '../helpers/temp-store.js';

const OLD = {schemaVersion: 1, lessons: {'handshake-letters': {completed: true, bestScore: 80, attempts: 2}}, fields: {}, lastLesson: 'handshake-letters'};

const settle = () => new Promise(r => setTimeout(r, 300)); // the first write waits for conf to load

describe('the language in the progress store', () => {
	it('an old store (no settings) reads as it was, with no language chosen, and is not rewritten', () => {
		const dir = tempDir();
		const text = JSON.stringify(OLD, null, '\t');
		writeFileSync(join(dir, 'progress.json'), text);
		const store = tempStore(dir);
		expect(store.read()).toEqual(OLD);
		expect(store.notice).toBeUndefined();
		expect(storedLanguage(dir)).toBeUndefined();
		expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(text);
	});

	it('setLanguage adds the choice and keeps everything else; it is read back before the store is opened', async () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'progress.json'), JSON.stringify(OLD));
		tempStore(dir).setLanguage('zh');
		await settle();
		const data = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
		expect(data).toMatchObject({...OLD, settings: {language: 'zh'}});
		expect(storedLanguage(dir)).toBe('zh');
		expect(tempStore(dir).read().settings).toEqual({language: 'zh'});
	});

	it('a language this tutor does not know is left out (said), other settings kept', () => {
		expect(normalize({...OLD, settings: {language: 'fr', theme: 'dark'}})).toMatchObject({data: {settings: {theme: 'dark'}}, dropped: ['the language setting']});
		expect(normalize({...OLD, settings: 'zh'}).dropped).toEqual(['settings (not an object)']);
	});

	it('--lang is remembered: the next run without it speaks the same language, whatever LANG says', () => {
		const dir = tempDir();
		expect(cli(['--lang', 'zh', 'list'], {dir}).out).toMatch(/已完成 0\/\d+ 课/);
		expect(cli(['list'], {dir, env: {LANG: 'en_US.UTF-8'}}).out).toMatch(/已完成 0\/\d+ 课/);
		expect(cli(['--lang', 'en', 'list'], {dir}).out).toMatch(/0 of \d+ lessons done/);
		expect(cli(['list'], {dir, env: {LANG: 'zh_CN.UTF-8'}}).out).toMatch(/0 of \d+ lessons done/);
		expect(cli(['--help'], {dir: tempDir(), env: {LC_ALL: 'zh_CN.UTF-8'}}).out).toMatch(/^tcp-tutor — 一个报文段一个报文段地学/);
	});
});
