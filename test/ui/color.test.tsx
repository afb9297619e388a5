// NO_COLOR / --no-color: with color false no colour escape is drawn; with it, colours mark the
// verdicts (and the words and ✓/✗ are there either way).
import {afterEach, beforeAll, expect, test} from 'vitest';
import type {Rendered} from './harness.js';

// chalk decides its colour level when it is first imported: force colours on before ink loads, so
// that "no colours" is the UI's doing and not a side effect of the test's non-TTY output.
process.env['FORCE_COLOR'] = '1';
let h: typeof import('./harness.js');
let App: typeof import('../../src/ui/App.js').App;
let FakeStore: typeof import('./fake-store.js').FakeStore;
let lessons: typeof import('./lessons.js');
beforeAll(async () => {
	h = await import('./harness.js');
	({App} = await import('../../src/ui/App.js'));
	({FakeStore} = await import('./fake-store.js'));
	lessons = await import('./lessons.js');
});

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

// SGR parameters that set a colour: 30-39, 40-49, 90-97, 100-107 (38;5;n and 48;5;n included).
const COLOUR = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

async function playSome(color: boolean) {
	const r = await h.render(<App entries={lessons.entries} loadLesson={lessons.byId} store={new FakeStore()} color={color} seed={1}
		onExit={() => {}} saver={{current: undefined}} />);
	open.push(r);
	await h.waitForText(r, 'lessons done');
	await h.press(r, h.KEY.enter);
	await h.waitForText(r, 'Before two programs');
	await h.press(r, h.KEY.enter);
	await h.waitForText(r, 'The server calls listen()');
	await h.press(r, h.KEY.enter, h.KEY.enter, h.KEY.enter);
	await h.waitForText(r, 'Flags:');
	await h.press(r, h.KEY.enter, 'h'); // wrong, a hint
	await h.waitForText(r, 'Hint 1/3');
	await h.press(r, '2');
	await h.waitForText(r, 'Acknowledgment number');
	await h.type(r, '1001');
	await h.press(r, h.KEY.enter);
	await h.waitForText(r, 'Right: 1001');
	return r;
}

test('color false: no colour escape in any frame, yet ✓/✗ and words carry the verdicts', async () => {
	const r = await playSome(false);
	for (const frame of r.frames) expect(frame).not.toMatch(COLOUR);
	expect(r.frames.some(f => f.includes('✗ Flags: SYN is not it'))).toBe(true);
	expect(r.lastFrame()).toContain('✓ Right: 1001.');
});

test('color true: the same screens with colours', async () => {
	const r = await playSome(true);
	expect(r.frames.some(f => f.includes('\u001B[31m'))).toBe(true); // ✗ in red
	expect(r.lastFrame()).toContain('\u001B[32m'); // ✓ in green
	expect(r.lastFrame().replace(/\u001B\[[0-9;]*m/g, '')).toContain('✓ Right: 1001.');
});
