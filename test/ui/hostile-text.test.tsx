// The ink front end's edge: a store notice, an error from a lesson that fails to open, and a
// title from a third-party lesson reach the screen as text (issue 10, item 1).
import {afterEach, describe, expect, test} from 'vitest';
import type {LessonEntry} from '../../src/lessons/catalog.js';
import {App} from '../../src/ui/App.js';
import {InputError} from '../../src/yaml-source.js';
import {UNSAFE} from '../helpers/cli.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, press, render, waitForText} from './harness.js';
import {byId} from './lessons.js';

const EVIL = '\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202e\u200b\r';

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

const entries: LessonEntry[] = [{id: 'handshake-letters', title: `Mine${EVIL} too`, summary: `About${EVIL} it.`, level: 'beginner', tags: ['handshake'], minutes: 5, questions: 3, file: 'x.yaml'}];

describe('nothing from outside reaches the screen raw in the ink front end', () => {
	test('a store notice and a lesson title', async () => {
		const r = await render(<App entries={entries} loadLesson={byId} store={new FakeStore({}, undefined, `Moved to /tmp/x${EVIL}y.`)} color={false}
			onExit={() => {}} saver={{current: undefined}} />);
		open.push(r);
		await waitForText(r, 'Mine too');
		expect(r.lastFrame()).toContain('Moved to /tmp/xy.');
		expect(r.lastFrame()).not.toMatch(UNSAFE);
	});

	test('the error of a lesson that fails to open', async () => {
		const fails = () => {
			throw new InputError('a.yaml', 3, `K${EVIL}`, 'unknown field');
		};
		const r = await render(<App entries={entries} loadLesson={fails} store={new FakeStore()} color={false} onExit={() => {}} saver={{current: undefined}} />);
		open.push(r);
		await waitForText(r, 'Mine too');
		await press(r, KEY.enter);
		await waitForText(r, 'a.yaml:3: K: unknown field');
		expect(r.lastFrame()).not.toMatch(UNSAFE);
	});
});
