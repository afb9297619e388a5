// The menu: groups, states from the store, "continue where you left off", overall progress,
// the store's notice once, opening and quitting.
import stringWidth from 'string-width';
import {afterEach, describe, expect, test} from 'vitest';
import type {LessonEntry} from '../../src/lessons/catalog.js';
import {InputError} from '../../src/yaml-source.js';
import {App} from '../../src/ui/App.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, press, render, renderAt, waitFor, waitForText} from './harness.js';
import {byId, closing, handshake} from './lessons.js';
import {save, startSession} from '../../src/lessons/engine.js';

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

const entry = (id: string, title: string, tag: LessonEntry['tags'][number], questions = 3): LessonEntry =>
	({id, title, summary: `About ${title}.`, level: 'beginner', tags: [tag], minutes: 5, questions, file: `${id}.yaml`});

const ENTRIES: LessonEntry[] = [
	{...entry('handshake-letters', 'The handshake as letters', 'handshake'), summary: handshake.summary},
	entry('handshake-numbers', 'The handshake with real numbers', 'handshake'),
	{...entry('close-test', 'Closing, for the tests', 'teardown'), summary: closing.summary},
	entry('time-wait', 'Why TIME-WAIT', 'teardown'),
	entry('lost-syn', 'A lost SYN', 'failures'),
];
const resume = save(startSession(closing, 99));

function storeWithProgress(notice?: string) {
	return new FakeStore({
		'handshake-letters': {completed: true, bestScore: 80, attempts: 2},
		'close-test': {completed: false, bestScore: null, attempts: 1, resume: {...resume, pos: 6}, answered: 1, total: 3},
	}, 'close-test', notice);
}

async function show(store: FakeStore, exits: number[] = [], tree?: {entries?: LessonEntry[]; load?: (id: string) => ReturnType<typeof byId>}) {
	const r = await render(<App entries={tree?.entries ?? ENTRIES} loadLesson={tree?.load ?? byId} store={store} color={false} seed={3}
		onExit={c => exits.push(c)} saver={{current: undefined}} />);
	open.push(r);
	return r;
}

describe('the list', () => {
	test('continue first, then lessons grouped by topic under headers, each with its state; overall progress', async () => {
		const r = await show(storeWithProgress());
		await waitForText(r, 'tcp-tutor · 1 of 5 lessons done');
		const lines = r.lastFrame().split('\n');
		const at = (text: string) => lines.findIndex(l => l.includes(text));
		expect(lines[at('Continue where you left off: Closing, for the tests')]).toMatch(/^❯ Continue.* 1\/3$/);
		expect(at('Continue where')).toBeLessThan(at('Handshake'));
		expect(lines[at('Handshake') + 1]).toMatch(/^ {2}The handshake as letters +✓ done · best 80%$/);
		expect(lines[at('Handshake') + 2]).toMatch(/^ {2}The handshake with real numbers +not started$/);
		expect(lines[at('Teardown') + 1]).toMatch(/^ {2}Closing, for the tests +in progress 1\/3$/);
		expect(lines[at('Failures') + 1]).toContain('A lost SYN');
		expect(at('Handshake')).toBeLessThan(at('Teardown'));
		expect(at('Teardown')).toBeLessThan(at('Failures'));
		expect(r.lastFrame()).toContain(closing.summary); // the highlighted lesson's summary
	});

	test('no "continue" without a resume point; the pointer moves with ↓ and the summary follows', async () => {
		const r = await show(new FakeStore());
		await waitForText(r, '0 of 5 lessons done');
		expect(r.lastFrame()).not.toContain('Continue where');
		expect(r.lastFrame()).toMatch(/❯ The handshake as letters +not started/);
		await press(r, KEY.down);
		await waitForText(r, '❯ The handshake with real numbers');
		expect(r.lastFrame()).toContain('About The handshake with real numbers.');
	});

	test('in a short terminal the list scrolls and the frame still fits', async () => {
		const store = storeWithProgress();
		const r = await renderAt(<App entries={ENTRIES} loadLesson={byId} store={store} color={false} onExit={() => {}} saver={{current: undefined}} />, 60, 12);
		open.push(r);
		await waitForText(r, 'lessons done');
		expect(r.lastFrame().split('\n').length).toBeLessThanOrEqual(11);
		expect(r.lastFrame()).not.toContain('A lost SYN');
		for (let i = 0; i < 5; i++) await press(r, KEY.down);
		await waitForText(r, '❯ A lost SYN');
		expect(r.lastFrame().split('\n').length).toBeLessThanOrEqual(11);
	});
});

describe('the classic interview question', () => {
	test('the highlighted lesson\'s question is shown under the list, one line cut by display width to the terminal', async () => {
		const wide = '为什么握手是三次而不是两次？为什么挥手需要四次？为什么要等待两个最大报文段生存时间？';
		const entries = [{...ENTRIES[0]!, classic: 'Why three handshakes, not two or four?'}, {...ENTRIES[1]!, classic: wide}, ...ENTRIES.slice(2)];
		const r = await renderAt(<App entries={entries} loadLesson={byId} store={new FakeStore()} color={false} onExit={() => {}} saver={{current: undefined}} />, 40, 20);
		open.push(r);
		await waitForText(r, 'Q: Why three handshakes');
		await press(r, KEY.down);
		await waitForText(r, 'Q: 为什么握手');
		const lines = r.lastFrame().split('\n');
		expect(lines.find(l => l.startsWith('Q: '))).toMatch(/…$/);
		expect(Math.max(...lines.map(l => stringWidth(l)))).toBeLessThanOrEqual(40);
		expect(lines.length).toBeLessThanOrEqual(19);
	});
});

describe('opening and leaving', () => {
	test('"continue" resumes the saved attempt (no new attempt counted)', async () => {
		const store = storeWithProgress();
		const r = await show(store);
		await waitForText(r, 'Continue where');
		await press(r, KEY.enter);
		await waitForText(r, 'Closing, for the tests');
		await waitForText(r, 'Who sends the next segment?'); // pos 6 of the saved point
		expect(store.calls.filter(c => c.kind === 'start')).toEqual([]);
	});

	test('a lesson not started starts a new attempt with the given seed', async () => {
		const store = new FakeStore();
		const r = await show(store);
		await waitForText(r, '❯ The handshake as letters');
		await press(r, KEY.enter);
		await waitForText(r, 'Before two programs');
		expect(store.calls).toEqual([{kind: 'start', id: 'handshake-letters'}]);
		await press(r, 'q');
		await waitForText(r, 'in progress 0/3');
		expect(store.saves()[0]!.resume.seed).toBe(3);
	});

	test('a lesson that cannot be loaded is reported in the menu, which stays usable', async () => {
		const store = new FakeStore();
		const r = await show(store, [], {load: id => {
			if (id === 'handshake-numbers') throw new InputError('lessons/02.yaml', 4, 'scenario', 'expected a map');
			return byId(id);
		}});
		await waitForText(r, '❯ The handshake as letters');
		await press(r, KEY.down, KEY.enter);
		await waitForText(r, 'Could not open handshake-numbers');
		expect(r.lastFrame()).toContain('lessons/02.yaml');
		expect(store.calls).toEqual([]);
	});

	test('q leaves the tutor with exit code 0', async () => {
		const exits: number[] = [];
		const r = await show(new FakeStore(), exits);
		await waitForText(r, 'lessons done');
		await press(r, 'q');
		await waitFor(() => exits.length > 0);
		expect(exits).toEqual([0]);
	});

	test('the store\'s notice is shown once, at the top of the menu', async () => {
		const store = storeWithProgress('Your progress file was unreadable; it was moved to progress.json.bak.');
		const r = await show(store);
		await waitForText(r, 'Your progress file was unreadable');
		expect(r.lastFrame().split('\n')[1]).toContain('Your progress file was unreadable');
		await press(r, KEY.down, KEY.enter); // open the first lesson
		await waitForText(r, 'Before two programs');
		await press(r, 'q');
		await waitForText(r, 'lessons done');
		expect(r.lastFrame()).not.toContain('unreadable');
	});

	test('opened straight into a lesson, the notice waits for the first menu', async () => {
		const store = new FakeStore({}, undefined, 'Your progress file was unreadable; it was moved aside.');
		const r = await render(<App entries={ENTRIES} loadLesson={byId} store={store} color={false} startLesson="handshake-letters"
			onExit={() => {}} saver={{current: undefined}} />);
		open.push(r);
		await waitForText(r, 'Before two programs');
		expect(r.lastFrame()).not.toContain('unreadable');
		await press(r, 'q');
		await waitForText(r, 'Your progress file was unreadable');
	});

	test('a save that fails is said in the lesson\'s footer, and in full in the menu', async () => {
		const store = new FakeStore();
		store.writeError = 'Your progress could not be saved: /x/progress.json: cannot be written: the disk is full (ENOSPC).';
		const r = await show(store);
		await waitForText(r, '❯ The handshake as letters');
		await press(r, KEY.enter);
		await waitForText(r, 'Progress not saved (q: the menu says why)');
		await press(r, 'q');
		await waitForText(r, 'the disk is full (ENOSPC)');
	});
});
