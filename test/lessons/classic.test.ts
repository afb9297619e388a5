// Each lesson names the classic interview question it answers (`classic:`): the loader checks it, and
// `tcp-tutor list` shows it under the title, cut to the terminal by display width.
import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {loadLessons} from '../../src/lessons/catalog.js';
import {lessonFromYaml} from '../../src/lessons/load.js';
import {ENGLISH} from '../../src/i18n/texts.js';
import {CLASSIC_MAX} from '../../src/lessons/schema.js';
import {listCommand} from '../../src/commands/progress.js';
import type {Args} from '../../src/commands/args.js';
import type {ProgressStore} from '../../src/progress/types.js';

const lesson = (classic: string) => `formatVersion: 1
id: t
title: T
summary: s
level: beginner
tags: [handshake]
minutes: 1
${classic}
scenario:
  steps:
    - server: listen
    - client: connect
questions:
  - id: q
    step: 2
    segment: 1
    ask: flags
    prompt: P
    hints: [h]
    explain: e
`;

describe('classic: the interview question a lesson answers', () => {
	it('every shipped lesson names one', () => {
		const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
		expect(lessons.filter(l => !l.classic).map(l => l.id)).toEqual([]);
	});

	it('is optional in a lesson of one\'s own, and read when present', () => {
		expect(lessonFromYaml(lesson(''), 'x.yaml').classic).toBeUndefined();
		expect(lessonFromYaml(lesson('classic: "Why three handshakes, not two?"'), 'x.yaml').classic).toBe('Why three handshakes, not two?');
	});

	it.each([
		['classic: Three handshakes', /x\.yaml:8: classic: expected a question, ending in "\?"/],
		['classic: [a, b]', /x\.yaml:8: classic: expected non-empty text/],
		[`classic: "${'Why '.repeat(20)}?"`, new RegExp(`x\\.yaml:8: classic: expected at most ${CLASSIC_MAX} characters`)],
		['classic: |\n  Why?\n  And why?', /x\.yaml:8: classic: expected one line/],
	])('refuses %j with the file, the line and what was expected', (yaml, message) => {
		expect(() => lessonFromYaml(lesson(yaml), 'x.yaml')).toThrow(message);
	});
});

describe('tcp-tutor list shows the classic question', () => {
	const store = {lesson: () => undefined} as unknown as ProgressStore;
	const args = {json: false} as Args;
	const entry = (classic: string) => ({id: 'wide', title: 'Wide', summary: 's', level: 'beginner' as const, tags: ['handshake' as const], minutes: 5, classic, questions: 1, file: 'w.yaml'});

	it('under the title, and no line wider than the terminal, wide characters counted as two columns', async () => {
		const out: string[] = [];
		const io = {out: (l: string) => out.push(l), err: () => {}, input: {next: async () => undefined}, env: {}, columns: 40, texts: ENGLISH};
		await listCommand(args, io, [entry('为什么握手是三次而不是两次？为什么挥手需要四次？')], store);
		expect(out[0]).toMatch(/^ 1\. wide {2}Wide \(5 min\) — not started$/);
		expect(out[1]).toMatch(/^ {10}Q: 为什么握手.*…$/);
		expect(Math.max(...out.map(l => stringWidth(l)))).toBeLessThanOrEqual(40);
	});
});
