import {describe, expect, it} from 'vitest';
import {lessonFromYaml} from '../../src/lessons/load.js';
import {fillTemplate, sanitize} from '../../src/lessons/text.js';

describe('lesson text is shown as text', () => {
	it.each([
		['colour escape', 'a\u001b[31mred\u001b[0m b', 'ared b'],
		['clear screen', 'x\u001b[2J\u001b[Hy', 'xy'],
		['OSC title / hyperlink', 'a\u001b]0;pwned\u0007b\u001b]8;;http://evil\u001b\\c', 'abc'],
		['C0 controls and DEL', 'a\u0000b\u0007c\u0008d\u007f', 'abcd'],
		['C1 CSI', 'a\u009b31mb', 'ab'],
		['bidi marks and zero-width spaces', 'a\u200eb\u200bc\u2066d\ufeffe\u061cf', 'abcdef'],
		['emoji joiners stay', '👩\u200d💻', '👩\u200d💻'],
		['OSC 52 clipboard write, unterminated', 'a\u001b]52;c;cHduZWQ=', 'a'],
		['other ESC sequences whole (reset, line drawing)', 'a\u001bcb\u001b(0c\u001b#8d', 'abcd'],
		['bidi override', 'abc\u202Edef', 'abcdef'],
		['CRLF and tabs', 'a\r\nb\tc', 'a\nb  c'],
	])('%s', (_name, input, output) => {
		expect(sanitize(input)).toBe(output);
	});

	it('fills placeholders from values, with +N arithmetic modulo 2^32, and leaves unknown ones', () => {
		expect(fillTemplate('ack = {client.isn}+1 = {client.isn+1}; {nope}', {'client.isn': 4294967295})).toBe('ack = 4294967295+1 = 0; {nope}');
	});
});

const minimal = (extra: string) => `formatVersion: 1
id: t
title: "T"
summary: s
level: beginner
tags: [handshake]
minutes: 1
${extra}
scenario:
  steps:
    - server: listen
    - client: connect
questions:
  - id: q
    step: 2
    segment: 1
    ask: flags
    prompt: "P \u001b[2J"
    hints: [h]
    explain: e
`;

describe('untrusted lesson files', () => {
	it('strips escapes from every text the learner sees', () => {
		const lesson = lessonFromYaml(minimal(''), 'x.yaml');
		expect(lesson.questions[0]!.prompt).toBe('P');
	});

	it('a __proto__ key changes nothing, at the top or deep inside', () => {
		const text = minimal('__proto__: { polluted: true }').replace('    hints: [h]', '    hints: [h]\n    __proto__: { ask: claim }');
		const lesson = lessonFromYaml(text, 'x.yaml');
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect((lesson as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(lesson.questions[0]!.ask).toEqual(['flags']);
	});

	it('refuses a lesson id every JavaScript object already has (it would read as saved progress)', () => {
		expect(() => lessonFromYaml(minimal('').replace('id: t', 'id: constructor'), 'x.yaml')).toThrow(/x\.yaml:2: id: "constructor" is reserved/);
	});
});
