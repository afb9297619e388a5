// The interactive tutor in Chinese, drawn by ink at 80x24 and 60x20: no line wider than the screen
// (measured in display columns: a Chinese character takes two), no character cut in half, and the
// menu's l switches the language and remembers it.
import stringWidth from 'string-width';
import {afterEach, describe, expect, test} from 'vitest';
import {loadTexts} from '../../src/i18n/texts.js';
import {openCatalog} from '../../src/lessons/catalog.js';
import {App} from '../../src/ui/App.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, fitsEveryFrame, next, press, renderAt, type, waitForText} from './harness.js';

const catalog = openCatalog([new URL('../../lessons/', import.meta.url).pathname]);
const zh = await loadTexts('zh');
const zhEntries = catalog.entriesIn('zh');

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

describe.each([[80, 24], [60, 20]])('in Chinese at %i x %i', (columns, rows) => {
	test('the menu and lesson 01 with hints, a wrong answer, a reveal and the help fit the screen', async () => {
		const store = new FakeStore();
		const r = await renderAt(<App entries={zhEntries} texts={zh} loadLesson={catalog.load} store={store} color={false} seed={7}
			onExit={() => {}} saver={{current: undefined}} autoplayMs={0} size={{width: columns, height: rows}} />, 300, 100);
		open.push(r);
		await waitForText(r, `已完成 0/${zhEntries.length} 课`);
		expect(r.lastFrame()).toContain('用书信讲三次握手');
		// The notice of English titles shows exactly when a shipped lesson has no (complete) translation yet.
		expect(r.lastFrame().includes('部分课程还没有中文版')).toBe(zhEntries.some(e => e.untranslated));
		await next(r, '两个程序要通过 TCP 交换数据');
		await next(r, '服务器在 80 端口上调用 listen()');
		await press(r, 'a');
		await waitForText(r, '类比：女孩在家等信。');
		await press(r, '?');
		await waitForText(r, '按键（按任意键关闭帮助）');
		await press(r, 'x', 'a');
		await next(r, '客户端调用 connect()');
		await next(r, '标志位（flags）：');
		await press(r, 'h', 'h', 'h', 'h');
		await waitForText(r, '没有更多提示了');
		await press(r, KEY.enter); // SYN: wrong
		await waitForText(r, '✗ 标志位（flags）：SYN 不对');
		await press(r, '2');
		await waitForText(r, '✓ 答对了：SYN,ACK。');
		await type(r, 'ｘ＋９');
		await press(r, KEY.enter);
		await waitForText(r, '✗ 确认号（ack）');
		await press(r, 's', 's');
		await waitForText(r, '→ 答案是：1001（记为未答对）。');
		await next(r, '他的第三封信带哪些标志位');
		await press(r, '3');
		await waitForText(r, '序列号（seq）（绝对序号）');
		await type(r, '1001');
		await press(r, KEY.enter);
		await type(r, 'y+1');
		await press(r, KEY.enter);
		await waitForText(r, '只有 ACK，seq = 1001，ack = 5001');
		await next(r, '服务器现在处于什么状态');
		await press(r, '5');
		await waitForText(r, 'ESTABLISHED：服务器的 SYN 已被确认');
		await next(r, '本课完成：用书信讲三次握手');
		expect(r.lastFrame()).toMatch(/得分 \d+% · 用时/);
		expect(r.lastFrame()).toContain('下一课：真实数字下的三次握手');
		await next(r, '第一课里 ISN 是 1000 和 5000'); // the next lesson, in Chinese too
		fitsEveryFrame(r, columns, rows - 1);
		// All diagram arrows of all frames end in the same two columns: no row was wrapped or shifted by a wide character.
		const heads = new Set<string>();
		for (const frame of r.frames) for (const line of frame.split('\n')) {
			for (const head of ['▶', '◀']) if (line.includes(head)) heads.add(`${head}${stringWidth(line.slice(0, line.indexOf(head)))}`);
		}
		expect(heads.size).toBe(2);
	}, 30_000);

	test('ink itself draws every frame within the terminal', async () => {
		const r = await renderAt(<App entries={zhEntries} texts={zh} loadLesson={catalog.load} store={new FakeStore()} color={false} seed={7}
			onExit={() => {}} saver={{current: undefined}} autoplayMs={0} />, columns, rows);
		open.push(r);
		await waitForText(r, `已完成 0/${zhEntries.length} 课`);
		await next(r, '两个程序要通过 TCP 交换数据');
		await next(r, '服务器在 80 端口上调用 listen()');
		await next(r, '客户端调用 connect()');
		await next(r, '标志位（flags）：');
		await press(r, 'h', 'h', 'h');
		await waitForText(r, '提示 3/3');
		fitsEveryFrame(r, columns, rows);
	}, 30_000);
});

test('l in the menu switches to Chinese and back, and the store remembers it', async () => {
	const store = new FakeStore();
	const en = catalog.entries;
	const r = await renderAt(<App entries={en} loadLesson={catalog.load} store={store} color={false} onExit={() => {}} saver={{current: undefined}}
		switchLanguage={async to => ({texts: await loadTexts(to), entries: catalog.entriesIn(to)})} />, 80, 24);
	open.push(r);
	await waitForText(r, `0 of ${zhEntries.length} lessons done`);
	await press(r, 'l');
	await waitForText(r, `已完成 0/${zhEntries.length} 课`);
	expect(r.lastFrame()).toContain('用书信讲三次握手');
	expect(store.calls.at(-1)).toEqual({kind: 'language', lang: 'zh'});
	await press(r, KEY.enter);
	await waitForText(r, '两个程序要通过 TCP 交换数据'); // the lesson opens in Chinese
	await press(r, 'q');
	await waitForText(r, `已完成 0/${zhEntries.length} 课`);
	await press(r, 'l');
	await waitForText(r, `0 of ${zhEntries.length} lessons done`);
	expect(store.calls.at(-1)).toEqual({kind: 'language', lang: 'en'});
});

test('a lesson without a Chinese translation: the menu says once that English is shown', async () => {
	const entries = [...zhEntries.slice(0, 3), {...zhEntries[3]!, untranslated: true as const}];
	const r = await renderAt(<App entries={entries} texts={zh} loadLesson={catalog.load} store={new FakeStore()} color={false} seed={7}
		onExit={() => {}} saver={{current: undefined}} autoplayMs={0} size={{width: 80, height: 24}} />, 300, 100);
	open.push(r);
	await waitForText(r, '部分课程还没有中文版');
});
