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
