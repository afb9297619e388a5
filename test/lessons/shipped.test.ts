// Every shipped lesson loads, its scenario runs, and every question has an answer in the trace.
import {describe, expect, it} from 'vitest';
import {checkDirs, checkLesson} from '../../src/lessons/check.js';
import {loadLessons} from '../../src/lessons/catalog.js';

const dir = new URL('../../lessons/', import.meta.url).pathname;

describe('shipped lessons', () => {
	const {lessons, errors} = loadLessons([dir]);

	it('all load without errors', () => {
		expect(errors.map(String)).toEqual([]);
		expect(lessons.length).toBeGreaterThan(0);
	});

	it.each(lessons.map(l => [l.id, l] as const))('%s answers every question for 60 seeds', (_id, lesson) => {
		expect(checkLesson(lesson, 60).map(String)).toEqual([]);
	});

	it('ids are unique across the folder', () => {
		expect(new Set(lessons.map(l => l.id)).size).toBe(lessons.length);
	});

	it('check reports the whole folder clean', async () => {
		const report = await checkDirs([dir], 5);
		expect(report.errors.map(String)).toEqual([]);
		expect(report.lessons).toBe(lessons.length);
	});
});
