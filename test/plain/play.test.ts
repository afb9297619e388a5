import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {lessonFromYaml} from '../../src/lessons/load.js';
import {playPlain} from '../../src/plain/play.js';
import {scripted, tempDir, tempStore} from '../helpers/temp-store.js';

const lesson = lessonFromYaml(readFileSync(new URL('../../lessons/01-handshake-letters.yaml', import.meta.url), 'utf8'), 'lessons/01-handshake-letters.yaml');

async function play(lines: string[], store = tempStore(), fresh = true) {
	const out: string[] = [];
	const end = await playPlain({lesson, store, seed: 7, fresh, input: scripted(lines), write: l => out.push(l), now: () => 0});
	return {end, out: out.join('\n'), store};
}

describe('plain mode', () => {
	it('plays the first lesson with right answers to the end, numbered choices and numbers alike', async () => {
		const {end, out, store} = await play(['2', '1001', '3', '1001', '5001', 'ESTABLISHED']);
		expect(end).toBe('done');
		expect(out).toContain('1) SYN  2) SYN,ACK  3) ACK');
		expect(out).toContain('✓ SYN,ACK');
		expect(out).toContain('Score: 100%');
		expect(store.lesson('handshake-letters')).toMatchObject({completed: true, bestScore: 100, attempts: 1});
	});

	it('narrates the segments as sentences, the asked one only after the answer', async () => {
		const {out} = await play(['2', '1001']);
		const synack = out.indexOf('server → client: SYN,ACK seq=5000 ack=1001');
		expect(out.indexOf('client → server: SYN seq=1000')).toBeGreaterThan(-1);
		expect(synack).toBeGreaterThan(out.indexOf('Question 1 of 3'));
	});

	it('takes full-width commands and answers, as a Chinese input method types them', async () => {
		const {out, end} = await play(['？', '２', '！', 'ｑ']);
		expect(out).toContain('Hint 1: She does two things at once');
		expect(out).toContain('✓ SYN,ACK');
		expect(out).toMatch(/The answer: 1001\./);
		expect(out).toContain('Progress saved. Bye.');
		expect(end).toBe('quit');
	});

	it('answers a wrong answer with feedback and the same question again; hints come one by one', async () => {
		const {out, store} = await play(['1', '?', '?', '2', '1001', '!', '', '5001', 'q']);
		expect(out).toContain('✗ Not quite');
		expect(out).toContain('Hint 1: She does two things at once');
		expect(out).toContain('Hint 2: Acknowledging sets ACK');
		expect(out).toMatch(/The answer: ACK\..*Counts as not solved/);
		expect(out).toContain('Could not read ""');
		expect(out).toContain('Progress saved. Bye.');
		const resume = store.lesson('handshake-letters')?.resume;
		expect(resume?.results['synack']).toMatchObject({firstTry: false, hints: 2, revealed: false});
	});

	it('a revealed true-or-false claim (which has no rule text) reads as one sentence, no double space', async () => {
		const claims = lessonFromYaml(readFileSync(new URL('../../lessons/21-two-queues.yaml', import.meta.url), 'utf8'), 'lessons/21-two-queues.yaml');
		const out: string[] = [];
		await playPlain({lesson: claims, store: tempStore(), seed: 5, fresh: true, input: scripted(Array(60).fill('!')), write: l => out.push(l), now: () => 0});
		const revealed = out.filter(l => l.includes('The answer: false.') || l.includes('The answer: true.'));
		expect(revealed.length).toBeGreaterThan(0);
		for (const l of revealed) expect(l).toMatch(/^ {2}The answer: (true|false)\. \(Counts as not solved\.\)$/);
	});

	it('saves at end of input and resumes there: the same seed, the next question', async () => {
		const dir = tempDir();
		const first = await play(['2', '1001'], tempStore(dir));
		expect(first.end).toBe('eof');
		expect(first.out).toContain('Input ended: your progress is saved');
		const second = await play(['ACK', '1001', '5001', 'established'], tempStore(dir), false);
		expect(second.out).toContain('Resuming where you stopped (seed 7)');
		expect(second.out).not.toContain('Question 1 of 3');
		expect(second.out).toContain('Question 2 of 3');
		expect(second.end).toBe('done');
		expect(second.store.lesson('handshake-letters')).toMatchObject({completed: true, bestScore: 100, attempts: 1});
	});
});

describe('plain mode feedback', () => {
	it('a wrong answer names the rule, not the value; the finished question shows expected vs given field by field', async () => {
		const {out} = await play(['2', '1002', '1001']);
		expect(out).toContain('✗ Not quite. ack is the next number the sender expects from its peer (RCV.NXT)');
		expect(out).not.toMatch(/Not quite.*1001/);
		expect(out).toContain('flags SYN,ACK · ack 1001 (you said 1002)');
	});
});
