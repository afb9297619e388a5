// runInteractive: ink's render with the app, resolving with the exit code when the learner quits.
import {act} from 'react';
import {expect, test} from 'vitest';
import {currentQuestion, startSession} from '../../src/lessons/engine.js';
import {type InteractiveOptions, runInteractive} from '../../src/ui/run.js';
import {FakeStdin, KEY, type Rendered, SizedStdout, press, waitForText} from './harness.js';
import {FakeStore} from './fake-store.js';
import {byId, entries} from './lessons.js';

/** Start the tutor on fake streams; `done` is runInteractive's promise. */
async function start(opts: Omit<InteractiveOptions, 'entries' | 'loadLesson'>): Promise<{r: Rendered; done: Promise<number>}> {
	const stdout = new SizedStdout(80, 24);
	const stdin = new FakeStdin();
	let done: Promise<number> | undefined;
	await act(async () => {
		done = runInteractive({entries, loadLesson: byId, ...opts, stdin: stdin as unknown as NodeJS.ReadStream,
			stdout: stdout as unknown as NodeJS.WriteStream, stderr: new SizedStdout(80, 24) as unknown as NodeJS.WriteStream, debug: true});
	});
	return {r: {lastFrame: () => stdout.lastFrame() ?? '', frames: stdout.frames, stdin, unmount: () => {}}, done: done!};
}

test('q in the menu resolves with 0; the store\'s notice is shown at the top', async () => {
	const store = new FakeStore({}, undefined, 'Your progress file was unreadable and was moved aside.');
	const {r, done} = await start({store, color: false});
	await waitForText(r, 'Your progress file was unreadable');
	expect(r.lastFrame().split('\n')[0]).toBe('tcp-tutor · 0 of 2 lessons done');
	await press(r, 'q');
	await expect(done).resolves.toBe(0);
});

test('startLesson opens it at once with the given seed; Ctrl+C saves the attempt and resolves with 0', async () => {
	const store = new FakeStore();
	const {r, done} = await start({store, color: false, seed: 1234, startLesson: 'close-test'});
	await waitForText(r, 'Closing, for the tests');
	expect(r.lastFrame()).not.toContain('lessons done');
	await press(r, KEY.enter); // the handshake plays on its own; Enter skips ahead to the first question
	await waitForText(r, 'Who sends the next segment?');
	await press(r, KEY.ctrlC);
	await expect(done).resolves.toBe(0);
	expect(store.calls[0]).toEqual({kind: 'start', id: 'close-test'});
	expect(store.saves()).toHaveLength(1);
	const {pos, ...resume} = store.saves()[0]!.resume;
	expect(resume).toMatchObject({seed: 1234});
	expect(currentQuestion({...startSession(byId('close-test'), 1234), pos})?.id).toBe('who');
});

test('without a seed each new attempt draws a 32-bit seed', async () => {
	const store = new FakeStore();
	const {r, done} = await start({store, color: false, startLesson: 'handshake-letters'});
	await waitForText(r, 'Before two programs');
	await press(r, KEY.ctrlC);
	await done;
	const seed = store.saves()[0]!.resume.seed;
	expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
});
