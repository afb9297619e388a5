// The choice list: its window and numbers (pure, table-driven), the list alone in ink (digits, the
// pause, →), and in the player at 80x24 and 60x20 (every choice shown, or what is hidden said).
import {act, useState} from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../src/ui/App.js';
import {ChoiceList} from '../../src/ui/ChoiceList.js';
import {type ChoiceKey, type ChoiceState, FIRST, choiceRows, keysOf, pressChoice, windowOf} from '../../src/ui/choice-state.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, press, render, renderAt, waitFor, waitForText} from './harness.js';
import {byId, entries} from './lessons.js';

const STATES = ['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'];
const FLAGS = ['SYN', 'SYN,ACK', 'ACK', 'FIN,ACK', 'FIN', 'RST', 'RST,ACK'];

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

const digit = (d: string): ChoiceKey => ({kind: 'digit', digit: d});
const [UP, DOWN, CHOOSE, PAUSE, OTHER]: ChoiceKey[] = [{kind: 'up'}, {kind: 'down'}, {kind: 'choose'}, {kind: 'pause'}, {kind: 'other'}];
/** Keys from the first state; the choices chosen on the way (1-based, as the learner counts). */
function play(keys: readonly ChoiceKey[], count: number, rows = 4): {state: ChoiceState; chosen: number[]} {
	let state = FIRST;
	const chosen: number[] = [];
	for (const k of keys) {
		const step = pressChoice(state, k, count, rows);
		state = step.state;
		if (step.chosen !== undefined) chosen.push(step.chosen + 1);
	}
	return {state, chosen};
}

describe('choice-state', () => {
	test.each([
		{name: 'a digit with no longer number chooses at once', count: 11, keys: [digit('5')], chosen: [5]},
		{name: 'every digit of a short list chooses at once', count: 7, keys: [digit('1')], chosen: [1]},
		{name: 'a digit of the whole list, outside the window', count: 7, keys: [digit('7')], chosen: [7]},
		{name: '1 then 1 is 11', count: 11, keys: [digit('1'), digit('1')], chosen: [11]},
		{name: '1 then 0 is 10', count: 11, keys: [digit('1'), digit('0')], chosen: [10]},
		{name: '1 then Enter is 1, at once', count: 11, keys: [digit('1'), CHOOSE], chosen: [1]},
		{name: '1 then the pause is 1', count: 11, keys: [digit('1'), PAUSE], chosen: [1]},
		{name: '1 then 5: 15 does not exist, so 5', count: 11, keys: [digit('1'), digit('5')], chosen: [5]},
		{name: '1 waits, any other key forgets it', count: 11, keys: [digit('1'), OTHER, PAUSE], chosen: []},
		{name: '0 and numbers past the end choose nothing', count: 7, keys: [digit('0'), digit('8'), digit('9')], chosen: []},
		{name: 'Enter (or →) chooses the highlight', count: 7, keys: [DOWN, DOWN, CHOOSE], chosen: [3]},
		{name: 'up from the first wraps to the last', count: 7, keys: [UP, CHOOSE], chosen: [7]},
	])('$name', ({count, keys, chosen}) => {
		expect(play(keys, count).chosen).toEqual(chosen);
	});

	test('the window scrolls to keep the highlight in it, and counts what is above and below', () => {
		expect(windowOf(FIRST, 11, 4)).toEqual({top: 0, rows: 4, above: 0, below: 7});
		expect(windowOf(play(Array<ChoiceKey>(5).fill(DOWN), 11).state, 11, 4)).toEqual({top: 2, rows: 4, above: 2, below: 5});
		expect(windowOf(play([UP], 11).state, 11, 4)).toEqual({top: 7, rows: 4, above: 7, below: 0});
		expect(windowOf(FIRST, 2, 4)).toEqual({top: 0, rows: 2, above: 0, below: 0});
		// Fewer rows than before (feedback appeared): the highlight stays in view.
		expect(windowOf({highlight: 6, top: 3, typed: ''}, 11, 2)).toMatchObject({top: 5, above: 5, below: 4});
	});

	test('rows are numbered as plain mode numbers them; notes say what is hidden and what a digit waits for', () => {
		expect(choiceRows(FIRST, FLAGS, 7).map(r => r.text)).toEqual(['❯ 1) SYN', '  2) SYN,ACK', '  3) ACK', '  4) FIN,ACK', '  5) FIN', '  6) RST', '  7) RST,ACK']);
		expect(choiceRows(FIRST, FLAGS, 7).every(r => r.note === '')).toBe(true);
		const middle = choiceRows(play(Array<ChoiceKey>(6).fill(DOWN), 11).state, STATES, 4);
		expect(middle.map(r => [r.text.trimEnd(), r.note])).toEqual([
			['   4) SYN-RECEIVED', '↑ 3 more'], ['   5) ESTABLISHED', ''], ['   6) FIN-WAIT-1', ''], ['❯  7) FIN-WAIT-2', '↓ 4 more'],
		]);
		const waiting = choiceRows(play([digit('1')], 11).state, STATES, 4);
		expect(waiting[0]).toMatchObject({selected: true, note: '1…  Enter, or a second digit for 10–11'});
		expect(waiting[3]!.note).toBe('↓ 7 more');
	});

	test.each([
		['11', [digit('1'), digit('1')]],
		['1\r', [digit('1'), CHOOSE]],
		['j', [DOWN]],
		['h', [OTHER]],
	])('keysOf(%j): a chunk of input is its keys in order', (input, keys) => {
		expect(keysOf(input, {upArrow: false, downArrow: false, return: false, rightArrow: false})).toEqual(keys);
	});
});

/** The list alone, choosing into an array; `pauseMs` short so the pause can be waited for. */
async function list(choices: readonly string[], limit: number, pauseMs?: number) {
	const chosen: string[] = [];
	const control: {setActive?: (active: boolean) => void} = {};
	function Owner() {
		const [active, setActive] = useState(true);
		control.setActive = setActive;
		return <ChoiceList choices={choices} limit={limit} active={active} onChoose={c => chosen.push(c)} {...(pauseMs ? {pauseMs} : {})} />;
	}
	const r = await render(<Owner />);
	open.push(r);
	return {r, chosen, setActive: (active: boolean) => act(async () => control.setActive!(active))};
}

describe('the list in ink', () => {
	test('two digits typed one after the other choose the eleventh; typed together too', async () => {
		const {r, chosen} = await list(STATES, 4);
		await press(r, '1', '1');
		await waitFor(() => chosen.length === 1);
		await press(r, '11');
		await waitFor(() => chosen.length === 2);
		expect(chosen).toEqual(['TIME-WAIT', 'TIME-WAIT']);
		expect(r.lastFrame()).toContain('❯ 11) TIME-WAIT');
	});

	test('one digit that could start 10 or 11 waits, says so, and is chosen after the pause', async () => {
		const {r, chosen} = await list(STATES, 4, 50);
		await press(r, '1');
		await waitForText(r, '1…  Enter, or a second digit for 10–11');
		expect(chosen).toEqual([]);
		await act(() => waitFor(() => chosen.length === 1)); // the pause's timer fires inside act()
		expect(chosen).toEqual(['CLOSED']);
		await waitFor(() => !r.lastFrame().includes('second digit'));
	});

	test('a waiting digit is forgotten when the list loses the keys (the help opened)', async () => {
		const {r, chosen, setActive} = await list(STATES, 4);
		await press(r, '1');
		await waitForText(r, 'second digit');
		await setActive(false);
		await waitFor(() => !r.lastFrame().includes('second digit'));
		await setActive(true);
		await press(r, '1', KEY.enter); // a new 1, not 11
		await waitFor(() => chosen.length === 1);
		expect(chosen).toEqual(['CLOSED']);
	});

	test('→ chooses the highlighted answer; a digit picks from the whole list, not the window', async () => {
		const {r, chosen} = await list(FLAGS, 3);
		await press(r, KEY.down, KEY.down, KEY.down); // the window moved: 2) 3) 4)
		await waitForText(r, '❯ 4) FIN,ACK');
		await press(r, KEY.right);
		await press(r, '2');
		await waitFor(() => chosen.length === 2);
		expect(chosen).toEqual(['FIN,ACK', 'SYN,ACK']);
	});
});

describe('in the player', () => {
	/** The handshake lesson at a layout size, on to the first question that shows `label`: Enter through
	 * the beats, earlier questions revealed (s s), however the beats are planned. */
	async function questionAt(columns: number, rows: number, label: string) {
		const r = await renderAt(<App entries={entries} loadLesson={byId} store={new FakeStore()} color={false} seed={7} startLesson="handshake-letters"
			onExit={() => {}} saver={{current: undefined}} size={{width: columns, height: rows}} />, 200, 60);
		open.push(r);
		await waitForText(r, 'Before two programs');
		for (let i = 0; i < 30 && !r.lastFrame().includes(label); i++) {
			if (r.lastFrame().includes('s show answer')) await press(r, 's', 's');
			else await press(r, KEY.enter);
		}
		await waitForText(r, label);
		return r;
	}
	const rowsShown = (frame: string) => frame.split('\n').filter(l => /^[❯ ] +\d+\) /.test(l)).length;

	test('at 80x24 all seven flags show, numbered, RST and RST,ACK included', async () => {
		const r = await questionAt(80, 24, 'Flags:');
		for (const [i, f] of FLAGS.entries()) expect(r.lastFrame()).toMatch(new RegExp(`^[❯ ] ${i + 1}\\) ${f}$`, 'm'));
		expect(r.lastFrame()).not.toContain('more');
	});

	test('→ chooses in the player, as the key help says', async () => {
		const r = await questionAt(80, 24, 'Flags:');
		await press(r, KEY.down, KEY.right);
		await waitForText(r, '✓ Right: SYN,ACK.');
	});

	test('at 60x20 the eleven states say what is below them, and 1 then 1 reaches TIME-WAIT', async () => {
		const r = await questionAt(60, 20, 'State:');
		const shown = rowsShown(r.lastFrame());
		expect(shown).toBeLessThan(11);
		expect(r.lastFrame()).toMatch(new RegExp(`^   ${shown}\\) [A-Z0-9-]+ +↓ ${11 - shown} more$`, 'm'));
		expect(r.lastFrame()).not.toContain('TIME-WAIT');
		await press(r, '1', '1');
		await waitForText(r, '✗ State: TIME-WAIT is not it');
	});
});
