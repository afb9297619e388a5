// lessons/README.md maps each classic interview question to the lessons and question ids that teach
// it: every id named there exists in its lesson, and every question is either mapped or marked planned.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
const readme = readFileSync(new URL('../../lessons/README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## The classic interview questions'));
const rows = table.split('\n').filter(l => /^\| \d+ \|/.test(l)).map(l => l.split('|').map(c => c.trim()));

describe('the interview-question map in lessons/README.md', () => {
	it('has the 40 questions, numbered 1 to 40', () => {
		expect(rows.map(r => Number(r[1]))).toEqual(Array.from({length: 40}, (_, i) => i + 1));
	});

	it.each(rows.map(r => [r[1], r[2], r[3]] as const))('%s. %s: its lessons and question ids exist, or it is marked planned', (_n, _q, cell) => {
		const refs = [...cell!.matchAll(/(?:^|; )([a-z0-9-]+) \(([^)]*`[^)]*)\)/g)];
		if (refs.length === 0) expect(cell).toMatch(/^planned: needs (the socket model|a lesson)/);
		for (const [, lessonId, ids] of refs) {
			const lesson = lessons.find(l => l.id === lessonId);
			expect(lesson, `lesson ${lessonId}`).toBeDefined();
			for (const [, id] of ids!.matchAll(/`([^`]+)`/g)) expect(lesson!.questions.map(q => q.id), `${lessonId} has ${id}`).toContain(id);
		}
	});
});
