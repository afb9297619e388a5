// Lessons for the UI tests: the shipped first lesson, and a small one with every kind of input.
import {fileURLToPath} from 'node:url';
import {type LessonEntry, entryOf} from '../../src/lessons/catalog.js';
import {lessonFromYaml, loadLessonFile} from '../../src/lessons/load.js';
import type {Lesson} from '../../src/lessons/schema.js';

export const handshake: Lesson = loadLessonFile(fileURLToPath(new URL('../../lessons/01-handshake-letters.yaml', import.meta.url)));

/** Data, a close, a sender question (the ? has no direction), a state question (the state is hidden), a duration. */
export const closing: Lesson = lessonFromYaml(`
formatVersion: 1
id: close-test
title: Closing, for the tests
summary: The client sends data and closes.
level: intermediate
tags: [teardown]
minutes: 4
scenario:
  client: { isn: 1000 }
  server: { isn: 5000 }
  steps:
    - server: listen
    - client: connect
    - client: send 100
      id: send
    - client: close
      id: close
story:
  - step: send
    tcp: The client sends 100 bytes.
    analogy: The boy writes a long letter.
  - step: close
    tcp: The client closes.
questions:
  - id: who
    step: send
    segment: 1
    ask: sender
    prompt: Who sends the next segment?
    hints: [The one who called send.]
    explain: The client sent the data.
  - id: fin-state
    step: close
    ask: state
    endpoint: server
    prompt: Which state is the server in after the client's FIN?
    hints: [It has not closed yet.]
    explain: CLOSE-WAIT.
  - id: fin-seq
    step: close
    segment: 1
    ask: seq
    prompt: What is the seq of the client's FIN?
    hints: [ISN + 1 + 100.]
    explain: seq = {seq}.
outro: The server still has to close.
`, 'close-test.yaml');

export const entries: LessonEntry[] = [entryOf(handshake), entryOf(closing)];
export const byId = (id: string): Lesson => {
	const l = [handshake, closing].find(x => x.id === id);
	if (!l) throw new Error(`no lesson ${id}`);
	return l;
};
