// Every shipped lesson played through the engine (no ink): right answers, wrong answers, hints,
// reveal, and a quit-and-resume in the middle.
import {describe, expect, it} from 'vitest';
import {
	type Session, currentField, currentQuestion, isDone, reduce, save, score, startSession,
} from '../../src/lessons/engine.js';
import {loadLessons} from '../../src/lessons/catalog.js';
import {right, wrong} from './typed-answers.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);

/** Play to the end (or `stopAfter` questions); `mode` decides how each field is answered. */
function play(s: Session, mode: 'right' | 'wrong-first' | 'hint-first' | 'reveal', stopAfter = Infinity): Session {
	let asked = 0;
	for (let guard = 0; guard < 10_000 && !isDone(s); guard++) {
		if (!currentQuestion(s) || s.explained) {
			if (s.explained && ++asked >= stopAfter) return reduce(s, {type: 'next'});
			s = reduce(s, {type: 'next'});
			continue;
		}
		const field = currentField(s)!;
		if (mode === 'reveal') {
			s = reduce(s, {type: 'reveal'});
			expect(s.feedback?.kind).toBe('revealed');
			continue;
		}
		if (mode === 'wrong-first') {
			s = reduce(s, {type: 'answer', text: wrong(s)});
			expect(s.feedback?.kind, `${field}: a wrong answer is feedback`).toBe('wrong');
			expect(currentField(s)).toBe(field); // the same question again
		}
		if (mode === 'hint-first') {
			const q = currentQuestion(s)!;
			for (let k = 0; k <= q.hints.length; k++) s = reduce(s, {type: 'hint'});
			expect(s.hints).toBe(q.hints.length); // no more hints than the lesson has
		}
		s = reduce(s, {type: 'answer', text: right(s)});
		expect(['correct'], `${field} answered "${s.feedback?.given}"`).toContain(s.feedback?.kind);
	}
	return s;
}

describe.each(lessons.map(l => [l.id, l] as const))('lesson %s', (_id, lesson) => {
	it.each([1, 0xfffffff7])('right answers score 100 (seed %i), in absolute and relative numbers', seed => {
		expect(score(play(startSession(lesson, seed), 'right'))).toBe(100);
		expect(score(play(reduce(startSession(lesson, seed), {type: 'toggle-relative'}), 'right'))).toBe(100);
	});

	it('a wrong answer first, then the right one, scores 50 and records the miss', () => {
		const end = play(startSession(lesson, 3), 'wrong-first');
		expect(score(end)).toBe(50);
		for (const q of lesson.questions) expect(end.results[q.id]).toMatchObject({firstTry: false, missed: q.ask});
	});

	it('hints lower the score; revealing scores 0', () => {
		expect(score(play(startSession(lesson, 4), 'hint-first'))).toBe(50);
		expect(score(play(startSession(lesson, 5), 'reveal'))).toBe(0);
	});

	it('quit in the middle and resume: same trace, same place, nothing lost', () => {
		const half = Math.max(1, Math.floor(lesson.questions.length / 2));
		const before = play(startSession(lesson, 6), 'right', half);
		const saved = JSON.parse(JSON.stringify(save(before))) as ReturnType<typeof save>; // as the store keeps it
		const resumed = startSession(lesson, 999, saved);
		expect(resumed.seed).toBe(6);
		expect(resumed.trace.isn).toEqual(before.trace.isn);
		expect(resumed.pos).toBe(before.pos);
		expect(Object.keys(resumed.results)).toHaveLength(half);
		expect(score(play(resumed, 'right'))).toBe(100);
	});
});
