// A lesson may ask which timer runs when SO_KEEPALIVE is on, and for how long (the dead-peer questions).
import {describe, expect, it} from 'vitest';
import {choicesFor, currentQuestion, reduce, startSession} from '../../src/lessons/engine.js';
import {lessonFromYaml} from '../../src/lessons/load.js';

describe('a lesson can ask about the keepalive timer', () => {
	it('timer: keepalive is accepted, offered as a choice, and answered from the trace', () => {
		const lesson = lessonFromYaml(`formatVersion: 1
id: keepalive-test
title: Keepalive
summary: An idle connection is probed.
level: advanced
tags: [failures]
minutes: 2
scenario:
  steps:
    - server: listen
    - client: keepalive 2s 1s 3
    - client: connect
      id: open
questions:
  - id: which
    step: open
    ask: [timer, duration]
    endpoint: client
    prompt: Which timer runs on the idle client, and for how long?
    hints: [It was turned on before connect().]
    explain: "{duration} s."
`, 'keepalive-test.yaml');
		let s = startSession(lesson, 1);
		while (!currentQuestion(s)) s = reduce(s, {type: 'next'});
		expect(choicesFor('timer')).toContain('keepalive');
		s = reduce(s, {type: 'answer', text: 'keepalive'});
		expect(s.feedback?.kind).toBe('correct');
		s = reduce(s, {type: 'answer', text: '2'});
		expect(s.feedback?.kind).toBe('correct');
	});
});
