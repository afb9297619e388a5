// A lesson of one question around a scenario, for what no shipped lesson asks.
import {lessonFromYaml} from '../../src/lessons/load.js';
import type {Lesson} from '../../src/lessons/schema.js';

/** `scenario` and `question` are YAML, indented as they stand under `scenario:` and `questions:`. */
export function oneQuestion(scenario: string, question: string): Lesson {
	return lessonFromYaml(`formatVersion: 1
id: one-question
title: One question
summary: A lesson for a test.
level: beginner
tags: [handshake]
minutes: 1
scenario:
${scenario}
story: []
questions:
${question}
`, 'one-question.yaml');
}

/** Listen and connect: after it no timer runs on the client. */
export const SCENARIO = '  steps:\n    - server: listen\n    - client: connect';
/** A lesson whose first question (a duration) has no answer in its trace; its second has one. */
export const noTimer = () => oneQuestion(SCENARIO, `  - id: how-long
    step: 2
    ask: duration
    endpoint: client
    prompt: How long does the client's timer run?
    hints: [None runs.]
    explain: None runs.
  - id: state
    step: 2
    ask: state
    endpoint: client
    prompt: Which state is the client in?
    hints: [It finished the handshake.]
    explain: ESTABLISHED.`);
