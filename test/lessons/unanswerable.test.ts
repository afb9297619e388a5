// A lesson that loads but has a question its trace cannot answer (here: the duration of a timer
// when none runs): check reports it, and play leaves it out with a note instead of crashing.
// Before, the ink player showed a stack trace and plain mode ended in "internal error" (issue 10, item 4).
import {describe, expect, it} from 'vitest';
import {checkLesson} from '../../src/lessons/check.js';
import {isDone, reduce, score, startSession} from '../../src/lessons/engine.js';
import {lessonFromYaml} from '../../src/lessons/load.js';
import {playPlain} from '../../src/plain/play.js';
import {inputErrorOf} from '../helpers/thrown.js';
import {tempStore} from '../helpers/temp-store.js';
import {SCENARIO, noTimer} from './one-question.js';


describe('a question the trace cannot answer', () => {
	it('check reports it, naming the question and the field', () => {
		const errors = checkLesson(noTimer(), 1).map(String);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/one-question\.yaml:\d+: question "how-long" \(duration, seed 1\): has no answer in the trace: no single +timer runs on the client/);
	});

	it('the engine leaves it out and says so; the rest of the lesson plays to the end', () => {
		let s = startSession(noTimer(), 1);
		expect(s.skipped).toEqual([{id: 'how-long', field: 'duration', reason: expect.stringMatching(/no single +timer runs on the client/)}]);
		expect(s.lesson.questions.map(q => q.id)).toEqual(['state']);
		for (let i = 0; i < 100 && !isDone(s); i++) s = reduce(reduce(s, {type: 'answer', text: 'ESTABLISHED'}), {type: 'next'});
		expect(isDone(s)).toBe(true);
		expect(score(s)).toBe(100);
	});

	it('plain mode tells the learner and finishes the lesson', async () => {
		const out: string[] = [];
		const answers = ['established'];
		const result = await playPlain({lesson: noTimer(), store: tempStore(), seed: 1, fresh: true, now: () => 0,
			input: {next: async () => answers.shift()}, write: line => out.push(line)});
		expect(result).toBe('done');
		expect(out.join('\n')).toMatch(/Note: question "how-long" is left out: it has no answer in this run \(duration: no single +timer runs on the client/);
		expect(out.join('\n')).toMatch(/Lesson complete\. Score: 100%/);
	});
});

describe('ids that would break the progress kept by them', () => {
	it.each(['__proto__', 'constructor', 'toString', 'has space'])('a question id "%s" is refused when the lesson loads', id => {
		const e = inputErrorOf(() => lessonFromYaml(`formatVersion: 1
id: ids
title: Ids
summary: s
level: beginner
tags: [handshake]
minutes: 1
scenario:
${SCENARIO}
questions:
  - id: "${id}"
    step: 2
    ask: state
    endpoint: client
    prompt: P
    hints: [h]
    explain: e
`, 'ids.yaml'));
		expect(e.message).toMatch(/^ids\.yaml:13: question 1 id: /);
	});
});
