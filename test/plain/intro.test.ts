// Plain mode tells the lesson's intro with its placeholders filled, as the player does: lesson 6's
// intro names the client's ISN ({client.isn}), which must read as the number.
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';
import {playPlain} from '../../src/plain/play.js';
import {run} from '../../src/sim/run.js';
import {tempStore} from '../helpers/temp-store.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);

describe('plain mode fills the intro\'s placeholders', () => {
	it.each(lessons.filter(l => /\{[a-z]/i.test(l.intro?.tcp ?? '')).map(l => [l.id, l] as const))('%s', async (_id, lesson) => {
		const out: string[] = [];
		await playPlain({lesson, store: tempStore(), seed: 5, fresh: true, now: () => 0, input: {next: async () => undefined}, write: l => out.push(l)});
		const intro = out.slice(0, 8).join('\n');
		expect(intro).not.toMatch(/\{(client|server|x|y)[.\w+-]*\}/);
		expect(intro).toContain(String(run(lesson.scenario, 5).isn.client));
	});
});
