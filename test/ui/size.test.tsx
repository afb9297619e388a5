// Fits 80x24, readable at 60x20, never past the terminal's width: every frame of whole lessons
// (with hints, wrong answers, the help, the analogy, a reveal) is checked.
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../src/ui/App.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, next, press, renderAt, type, waitForText} from './harness.js';
import {byId, entries} from './lessons.js';

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

/** The handshake lesson with a bit of everything, then the closing lesson, then back to the menu. */
async function playBoth(r: Rendered) {
	await waitForText(r, 'lessons done');
	await next(r, 'Before two programs');
	await next(r, 'The server calls listen()');
	await press(r, 'a', '?');
	await waitForText(r, 'Keys (any key closes this help)');
	await press(r, 'x', 'a');
	await next(r, 'The client calls connect()');
	await next(r, 'Flags:');
	await press(r, 'h', 'h', 'h', 'h');
	await waitForText(r, 'No more hints');
	await press(r, KEY.enter); // SYN: wrong
	await waitForText(r, '✗ Flags');
	await press(r, '2');
	await waitForText(r, 'Acknowledgment number (ack)');
	await type(r, 'nonsense');
	await press(r, KEY.enter);
	await waitForText(r, 'Cannot read');
	await press(r, 's', 's');
	await waitForText(r, '→ The answer: 1001');
	await next(r, 'his third letter');
	await press(r, 'r', '3');
	await waitForText(r, 'Sequence number (seq) (relative)');
	await type(r, '1');
	await press(r, KEY.enter);
	await waitForText(r, 'Acknowledgment number (ack) (relative)');
	await type(r, '1');
	await press(r, KEY.enter);
	await waitForText(r, 'ACK only');
	await next(r, 'In which state is the server');
	await press(r, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // ESTABLISHED
	await waitForText(r, 'Enter: see your results');
	await next(r, 'Lesson done');
	await next(r, 'Closing, for the tests');
	await waitForText(r, 'Who sends the next segment?');
	await press(r, '2'); // server: wrong
	await waitForText(r, '✗ Who sends it');
	await press(r, '1');
	await waitForText(r, '✓ Right: client.');
	await next(r, 'What is the seq of the client\'s FIN?');
	await type(r, '1101');
	await press(r, KEY.enter);
	await waitForText(r, '✓ Right: 1101.');
	await next(r, 'Which state is the server in');
	await press(r, KEY.esc);
	await waitForText(r, 'in progress 2/3');
}

describe.each([[80, 24], [60, 20]])('at %i x %i', (columns, rows) => {
	test('no frame line is wider than the terminal (drawn by ink at that size)', async () => {
		const r = await renderAt(<App entries={entries} loadLesson={byId} store={new FakeStore()} color={false} seed={5}
			onExit={() => {}} saver={{current: undefined}} autoplayMs={0} />, columns, rows);
		open.push(r);
		await playBoth(r);
		expect(r.frames.length).toBeGreaterThan(40);
		for (const frame of r.frames) for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
	}, 30_000);

	test('the layout itself fits: lines within the width, frames within the height, diagram rows unbroken', async () => {
		// A terminal far wider than the layout: ink wraps nothing, so any overflow would be ours.
		const r = await renderAt(<App entries={entries} loadLesson={byId} store={new FakeStore()} color={false} seed={5}
			onExit={() => {}} saver={{current: undefined}} size={{width: columns, height: rows}} autoplayMs={0} />, 300, 100);
		open.push(r);
		await playBoth(r);
		const heads = new Set<string>();
		for (const frame of r.frames) {
			const lines = frame.split('\n');
			expect(lines.length, frame).toBeLessThanOrEqual(rows - 1);
			for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
			for (const line of lines) {
				const cs = [...line];
				if (cs.includes('▶')) heads.add(`▶${cs.indexOf('▶')}`);
				if (cs.includes('◀')) heads.add(`◀${cs.indexOf('◀')}`);
			}
		}
		// All arrows of all frames end in the same two columns: no row was wrapped or shifted.
		expect([...heads].sort()).toHaveLength(2);
	}, 30_000);
});
