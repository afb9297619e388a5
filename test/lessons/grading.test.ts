// Fair grading: what a careful learner types is read as meant, through the engine as a learner meets it.
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';
import {type Session, currentField, reduce, startSession} from '../../src/lessons/engine.js';
import {toAscii} from '../../src/lessons/answers.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
const lesson = (id: string) => lessons.find(l => l.id === id)!;

/** The session at question `qid`, its first `answered` fields answered with `answers`. */
function at(lessonId: string, qid: string, seed = 1, answers: readonly string[] = []): Session {
	const l = lesson(lessonId);
	const qi = l.questions.findIndex(q => q.id === qid);
	let s: Session = startSession(l, seed);
	s = {...s, pos: s.beats.findIndex(b => b.kind === 'ask' && b.question === qi)};
	for (const a of answers) s = reduce(s, {type: 'answer', text: a});
	return s;
}

/** How the engine takes `text` for the current field: correct, wrong or unreadable. */
function verdict(s: Session, text: string): string | undefined {
	return reduce(s, {type: 'answer', text}).feedback?.kind;
}

describe('full-width input (Chinese input methods) reads as ASCII', () => {
	it.each([
		['ｘ＋１', 'x+1'], ['１００１', '1001'], ['ＳＹＮ，ＡＣＫ', 'SYN,ACK'], ['ＳＹＮ、ＡＣＫ', 'SYN,ACK'], ['ＳＹＮ　ＡＣＫ', 'SYN ACK'],
		['ＴＩＭＥ＿ＷＡＩＴ', 'TIME_WAIT'], ['ｆｉｎ－ｗａｉｔ－２', 'fin-wait-2'], ['ＦＩＮ–ＷＡＩＴ–１', 'FIN-WAIT-1'], ['Ｓ。', 'S.'],
		['［Ｓ．］', '[S.]'], ['６０ｓ', '60s'], ['ｘ − １', 'x - 1'],
	])('%s → %s', (typed, ascii) => {
		expect(toAscii(typed)).toBe(ascii);
	});

	// Lesson 1 fixes x = 1000 and y = 5000: the SYN,ACK is flags SYN,ACK, ack 1001.
	it.each(['ＳＹＮ，ＡＣＫ', 'ＳＹＮ、ＡＣＫ', 'ｓｙｎ　ａｃｋ', 'ＳＹＮ＋ＡＣＫ', '［Ｓ．］', 'Ｓ。', '２'])('flags %s is right', typed => {
		expect(verdict(at('handshake-letters', 'synack'), typed)).toBe('correct');
	});

	it.each(['ｘ＋１', 'Ｘ ＋ １', '１００１', 'ｉｓｎ＋１'])('ack %s is right', typed => {
		expect(verdict(at('handshake-letters', 'synack', 1, ['SYN,ACK']), typed)).toBe('correct');
	});

	it.each(['ＥＳＴＡＢＬＩＳＨＥＤ', 'ｅｓｔａｂ', '５'])('state %s is right', typed => {
		expect(verdict(at('handshake-letters', 'server-established'), typed)).toBe('correct');
	});

	it('a full-width wrong answer is still wrong, not unreadable', () => {
		expect(verdict(at('handshake-letters', 'synack', 1, ['SYN,ACK']), '１０００')).toBe('wrong');
		expect(currentField(at('handshake-letters', 'synack', 1, ['ＳＹＮ，ＡＣＫ']))).toBe('ack');
	});
});
