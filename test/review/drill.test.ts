// The drill without ink: which questions it picks, each asked in its own run and checked by its
// trace, and the report by topic that points at lessons. Plain mode through the built CLI too.
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';
import {type Session, currentQuestion, reduce} from '../../src/lessons/engine.js';
import {addAnswer} from '../../src/progress/review-data.js';
import {pickDrill} from '../../src/drill/pick.js';
import {drillReport, reportLines} from '../../src/drill/report.js';
import {answered, sessionAt} from '../../src/review/ask.js';
import {answer, runOver, startRun} from '../../src/review/run.js';
import {cli} from '../helpers/cli.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);

describe('picking a drill', () => {
	it('one question from each of eight lessons with a classic question, the same for a seed, topics changing where they can', () => {
		const a = pickDrill(lessons, 42, undefined, 8);
		expect(a).toHaveLength(8);
		expect(new Set(a.map(i => i.lessonId)).size).toBe(8);
		expect(pickDrill(lessons, 42, undefined, 8)).toEqual(a);
		expect(pickDrill(lessons, 43, undefined, 8)).not.toEqual(a);
		for (let k = 1; k < a.length; k++) expect(a[k]!.topic, `questions ${k} and ${k + 1}`).not.toBe(a[k - 1]!.topic);
		for (const i of a) expect(lessons.find(l => l.id === i.lessonId)!.classic).toBe(i.classic);
	});

	it('a lesson\'s most-missed question is the one asked', () => {
		let review = {cards: {}};
		for (let k = 0; k < 3; k++) review = addAnswer(review, 'time-wait', 'tw-syn', {at: `2026-03-0${k + 1}T10:00:00Z`, grade: 1});
		const all = pickDrill(lessons, 7, review, 100);
		expect(all.find(i => i.lessonId === 'time-wait')?.questionId).toBe('tw-syn');
	});
});

describe('a drill run and its report', () => {
	it('every picked question can be asked in a new run, its answer shown by the engine; the report names lessons to study by topic', () => {
		const items = pickDrill(lessons, 5, undefined, 8);
		let run = startRun(items);
		items.forEach((item, k) => {
			let s: Session = sessionAt(lessons.find(l => l.id === item.lessonId)!, item.questionId, 1000 + k)!;
			expect(currentQuestion(s)?.id).toBe(item.questionId);
			// Odd questions are revealed (missed), even ones too but counted as right: a result as the learner would give.
			while (!s.explained) s = reduce(s, {type: 'reveal'});
			expect(answered(s)).toBe(true);
			const result = k % 2 === 0 ? {...s.results[item.questionId]!, revealed: false, firstTry: true, missed: []} : s.results[item.questionId]!;
			run = answer(run, result, {topic: item.topic, lessonTitle: item.lessonId});
		});
		expect(runOver(run)).toBe(true);
		const report = drillReport(run.outcomes);
		expect(report).toMatchObject({asked: 8, right: 4});
		const missed = items.filter((_, k) => k % 2 === 1);
		for (const m of missed) expect(report.topics.find(t => t.topic === m.topic)!.study.map(s => s.id)).toContain(m.lessonId);
		const lines = reportLines(report, 125_000);
		expect(lines[0]).toBe('Drill report: 4 of 8 right at the first try, in 2 min 05 s.');
		expect(lines.at(-1)).toContain(`tcp-tutor start ${missed[0]!.lessonId}`);
	});
});

describe('plain mode, through the built CLI', () => {
	it('review: nothing yet, then after a lesson with a miss and two days, the missed question is asked', () => {
		const first = cli(['review']);
		expect(first.out).toMatch(/Nothing to review yet/);
		expect(cli(['start', 'handshake-letters', '--seed', '7'], {dir: first.dir, input: '1\n2\n1001\n3\n1001\n5001\n5\n'}).code).toBe(0);
		expect(cli(['review'], {dir: first.dir}).out).toMatch(/Nothing to review now.*next one is due in 2 days/);
		const later = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();
		const r = cli(['review'], {dir: first.dir, env: {TCP_TUTOR_TEST_NOW: later}, input: '2\nx+1\n'});
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/1 question due for review/);
		expect(r.out).toMatch(/Review 1 of 1: The handshake as letters/);
		expect(r.out).toMatch(/Review done: 1 of 1 right at the first try\. Next due: (later today|tomorrow)\./);
		const json = JSON.parse(cli(['progress', '--json'], {dir: first.dir, env: {TCP_TUTOR_TEST_NOW: later}}).out);
		expect(json.lessons['handshake-letters'].completed).toBe(true);
		expect(json.overview).toMatchObject({due: 0, streak: 1, daysPractised: 2});
		expect(json.overview.missedMost[0]).toMatchObject({lessonId: 'handshake-letters', questionId: 'synack', misses: 1});
	});

	it('drill --minutes and --seed: a report at the end of input; --minutes is for drill only', () => {
		const r = cli(['drill', '--seed', '3', '--minutes', '5'], {input: '!\n!\n!\n!\n!\n!\n'});
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/Interview drill: 5 minutes/);
		expect(r.out).toMatch(/Interviewer: /);
		expect(r.out).toMatch(/Drill report: 0 of \d+ right at the first try/);
		expect(cli(['review', '--minutes', '3']).code).toBe(2);
	});
});
