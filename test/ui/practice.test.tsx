// The practice screens in ink: the menu's review entry with its count of due cards, a review played
// through (each answer recorded), the progress view, and a drill's interviewer line and report; in
// Chinese too, within 80x24 and 60x20.
import {act} from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {loadTexts} from '../../src/i18n/texts.js';
import {openCatalog} from '../../src/lessons/catalog.js';
import {App} from '../../src/ui/App.js';
import {englishPracticeIn} from '../helpers/practice-english.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, fitsEveryFrame, press, render, renderAt, type, waitForText} from './harness.js';
import {byId, entries} from './lessons.js';

const catalog = openCatalog([new URL('../../lessons/', import.meta.url).pathname]);
const zh = await loadTexts('zh');
const zhEntries = catalog.entriesIn('zh');

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
		await type(r, 'x+1'); // a new run of the scenario: its ISNs are new too
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

describe.each([[80, 24], [60, 20]])('in Chinese at %i x %i', (columns, rows) => {
	/** The App in Chinese with every shipped lesson, at this size. */
	async function showZh(store: FakeStore, extra: {practice?: 'review' | 'drill'; now?: Date} = {}) {
		const r = await renderAt(<App entries={zhEntries} texts={zh} loadLesson={catalog.load} store={store} color={false} seed={5} onExit={() => {}}
			saver={{current: undefined}} autoplayMs={0} clock={() => extra.now ?? LATER} size={{width: columns, height: rows}}
			{...(extra.practice ? {practice: extra.practice} : {})} />, 300, 100);
		open.push(r);
		return r;
	}

	/** Every frame: within the screen, and no English sentence of practice left. */
	function chineseAndFits(r: Rendered): void {
		fitsEveryFrame(r, columns, rows);
		for (const frame of r.frames) expect(englishPracticeIn(frame), frame).toEqual([]);
	}

	test('a review: the question in Chinese, the answer checked, how it went', async () => {
		const r = await showZh(missedTwo(), {practice: 'review'});
		await waitForText(r, '复习 · 第 1/2 题 · 用书信讲三次握手');
		expect(r.lastFrame().replace(/\s+/g, '')).toContain('这封回信带哪些标志位');
		expect(r.lastFrame()).not.toContain('q 菜单'); // q stops the review (60 columns leave it out of the footer)
		if (columns >= 80) expect(r.lastFrame()).toContain('q 停止');
		await act(async () => {});
		await press(r, KEY.down, KEY.enter);
		await waitForText(r, '确认号（ack）');
		await type(r, 'x+1');
		await press(r, KEY.enter);
		await waitForText(r, 'Enter：下一题 · q：停止');
		await press(r, KEY.enter);
		await waitForText(r, '复习 · 第 2/2 题');
		while (!r.lastFrame().includes('Enter：查看复习结果')) await press(r, 's', 's');
		await press(r, KEY.enter);
		await waitForText(r, '复习完成：2 道题里 1 道一次答对');
		expect(r.lastFrame()).toContain('Enter 或 q：回到菜单');
		chineseAndFits(r);
	}, 30_000);

	test('a drill: the interviewer, a model answer, and the report by topic', async () => {
		const r = await showZh(new FakeStore(), {practice: 'drill'});
		await waitForText(r, '面试官：');
		await act(async () => {});
		expect(r.lastFrame()).toMatch(/面试练习 · 第 1\/8 题 · /);
		while (!r.lastFrame().includes('Enter：下一题')) await press(r, 's', 's');
		await press(r, KEY.enter);
		await waitForText(r, '面试练习 · 第 2/8 题');
		await press(r, 'q');
		await waitForText(r, '面试练习报告：1 道题里 0 道一次答对');
		expect(r.lastFrame()).toMatch(/：0\/1 · 建议学习 [\w-]+（/);
		expect(r.lastFrame()).toContain('接下来学习：tcp-tutor start ');
		chineseAndFits(r);
	}, 30_000);

	test('the progress view: topics, due, missed most, streak', async () => {
		const r = await showZh(missedTwo());
		await waitForText(r, '用书信讲三次握手');
		await press(r, KEY.up, KEY.enter); // up from the first lesson: the last entry, the progress view
		await waitForText(r, '各主题的掌握情况');
		const f = r.lastFrame();
		expect(f).toContain('我的进度');
		expect(f).toMatch(/三次握手 +掌握 1\/\d+，已答 3/);
		expect(f).toContain('有 2 道题到期待复习');
		expect(f).toMatch(/最常答错：\n.*错 1 次 handshake-letters/);
		expect(f).toContain('已连续练习');
		chineseAndFits(r);
		await act(async () => {}); // the screen may have come from the scheduler's late load, outside act(): let its key handlers attach
		await press(r, 'q');
		await waitForText(r, 'tcp-tutor · 已完成'); // back in the menu
	}, 30_000);
});
