// The practice screens in ink: the menu's review entry with its count of due cards, a review played
// through (each answer recorded), the progress view, and a drill's interviewer line and report.
import {act} from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../src/ui/App.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, press, render, type, waitForText} from './harness.js';
import {byId, entries} from './lessons.js';

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

const T0 = new Date('2026-03-02T10:00:00Z');
const LATER = new Date(T0.getTime() + 3 * 86_400_000);

/** A store whose two handshake questions were missed at T0 (graded Again and Hard), one solved first try. */
function missedTwo(): FakeStore {
	const store = new FakeStore();
	store.recordAnswer('handshake-letters', 'synack', 1, T0);
	store.recordAnswer('handshake-letters', 'third', 2, T0);
	store.recordAnswer('handshake-letters', 'server-established', 3, new Date(T0.getTime() + 2 * 86_400_000));
	store.calls.length = 0;
	return store;
}

async function show(store: FakeStore, extra: {practice?: 'review' | 'drill'; now?: Date} = {}) {
	const r = await render(<App entries={entries} loadLesson={byId} store={store} color={false} seed={5} onExit={() => {}} saver={{current: undefined}}
		autoplayMs={0} clock={() => extra.now ?? LATER} {...(extra.practice ? {practice: extra.practice} : {})} />);
	open.push(r);
	return r;
}

describe('the menu', () => {
	test('lists the practice entries and, once the scheduler has loaded, how many cards are due', async () => {
		const r = await show(missedTwo());
		await waitForText(r, 'Review what you missed');
		await waitForText(r, '2 due');
		expect(r.lastFrame()).toMatch(/Practice\n.*Review what you missed +2 due\n.*Interview drill\n.*Your progress/);
	});

	test('nothing due yet: the menu says when the next card is', async () => {
		const r = await show(missedTwo(), {now: T0});
		await waitForText(r, 'nothing due');
		await press(r, KEY.up, KEY.up, KEY.up); // the list wraps: up from the top reaches the practice group
		await press(r, KEY.enter);
		await waitForText(r, 'Nothing to review now');
		expect(r.lastFrame()).toMatch(/the next one is due tomorrow/);
	});
});

describe('a review', () => {
	test('asks the due questions in order, records each answer, then says how it went', async () => {
		const store = missedTwo();
		const r = await show(store, {practice: 'review'});
		await waitForText(r, 'Review · 1 of 2 · The handshake as letters');
		expect(r.lastFrame().replace(/\s+/g, ' ')).toContain('Which flags does it carry');
		expect(r.lastFrame()).not.toContain('SYN,ACK seq='); // the answer is not drawn before it is given
		await act(async () => {}); // the screen came from the scheduler's late load, outside act(): let its key handlers attach
		await press(r, KEY.down, KEY.enter);
		await waitForText(r, 'Acknowledgment number');
		await type(r, '1001');
		await press(r, KEY.enter);
		await waitForText(r, 'Enter: next question');
		expect(store.calls.filter(c => c.kind === 'answer')).toMatchObject([{id: 'handshake-letters', question: 'synack', grade: 3}]);
		await press(r, KEY.enter);
		await waitForText(r, 'Review · 2 of 2');
		await press(r, 's', 's'); // show the answer, field by field
		await waitForText(r, 'The answer');
		while (!r.lastFrame().includes('Enter: see how it went')) await press(r, 's', 's');
		await press(r, KEY.enter);
		await waitForText(r, 'Review done: 1 of 2 right at the first try');
		expect(store.calls.filter(c => c.kind === 'answer').map(c => c.kind === 'answer' && c.grade)).toEqual([3, 1]);
		expect(store.calls.some(c => c.kind === 'start' || c.kind === 'finish')).toBe(false); // no lesson attempt
	});
});

describe('the progress view and the drill', () => {
	test('the progress view: mastery by topic, due, missed most, streak', async () => {
		const r = await show(missedTwo());
		await waitForText(r, '2 due');
		await press(r, KEY.up, KEY.enter);
		await waitForText(r, 'Mastered, by topic');
		const f = r.lastFrame();
		expect(f).toMatch(/handshake +: 1 of 3 mastered, 3 answered/); // the one solved at the first try is not due yet
		expect(f).toContain('2 questions due for review');
		expect(f).toMatch(/Missed most:\n.*1× handshake-letters/);
		expect(f).toMatch(/Streak: /);
		await press(r, 'q');
		await waitForText(r, 'Review what you missed');
	});

	test('a drill shows the interviewer\'s question, and q ends it with a report by topic', async () => {
		const r = await show(new FakeStore(), {practice: 'drill'});
		await waitForText(r, 'Interviewer: How does the three-way handshake work');
		await act(async () => {});
		expect(r.lastFrame()).toMatch(/Drill · 1 of 1 · handshake/);
		await press(r, 's', 's');
		while (!r.lastFrame().includes('Enter: the report')) await press(r, 's', 's');
		expect(r.lastFrame()).toContain('A model answer: The client sends a SYN');
		await press(r, KEY.enter);
		await waitForText(r, 'Drill report: 0 of 1 right at the first try');
		expect(r.lastFrame()).toMatch(/handshake: 0 of 1 · study handshake-letters/);
	});
});
