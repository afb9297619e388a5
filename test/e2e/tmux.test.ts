// The built CLI in a real terminal (tmux): complete part of a lesson, quit, start again, see the
// progress and resume; and the screen at 80x24 and 60x20. CI installs tmux (.ci/run).
import {execFileSync} from 'node:child_process';
import {afterAll, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/temp-store.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const SOCKET = `tcp-tutor-e2e-${process.pid}`;

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', SOCKET, ...args], {encoding: 'utf8'});
}

/** Start the CLI in a new tmux session of this size; CI and CONTINUOUS_INTEGRATION removed (ink draws nothing under CI). */
function launch(name: string, cols: number, rows: number, dir: string, args: string): void {
	const command = `env -u CI -u CONTINUOUS_INTEGRATION TCP_TUTOR_CONFIG_DIR=${dir} node ${CLI} ${args}; echo "EXITED $?"; sleep 60`;
	tmux('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), command);
}

const screen = (name: string) => tmux('capture-pane', '-p', '-t', name);

async function waitFor(name: string, text: string, timeoutMs = 10_000): Promise<string> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const s = screen(name);
		if (s.includes(text)) return s;
		if (Date.now() > end) throw new Error(`"${text}" did not appear; the screen:\n${s}`);
		await new Promise(r => setTimeout(r, 50));
	}
}

/** Send keys, then wait until the screen shows `text`. */
async function keys(name: string, expect: string, ...k: string[]): Promise<string> {
	for (const key of k) tmux('send-keys', '-t', name, key);
	return waitFor(name, expect);
}

async function type(name: string, text: string, expect: string): Promise<string> {
	tmux('send-keys', '-t', name, '-l', text);
	await waitFor(name, `› ${text}`); // drawn in the field, so Enter submits it

	return keys(name, expect, 'Enter');
}

function fits(s: string, cols: number): void {
	for (const line of s.split('\n')) expect(line.length, line).toBeLessThanOrEqual(cols);
	// A diagram row is drawn whole: an arrow's label and its head are on the same line.
	for (const line of s.split('\n').filter(l => /─ SYN /.test(l))) expect(line).toMatch(/▶/);
}

/** None of these texts (an answer in the form the screen would show it) is on the screen. */
function noAnswer(screenText: string, answers: readonly string[]): void {
	for (const a of answers) expect(screenText, `"${a}" is on the screen before its question is answered`).not.toContain(a);
}

afterAll(() => {
	try {
		tmux('kill-server');
	} catch { /* already gone */ }
});

describe('in a real terminal', () => {
	it('a whole lesson, quit and resume half-way: no answer on screen before its question, progress in the menu', async () => {
		const dir = tempDir();
		launch('a', 80, 24, dir, 'start handshake-letters --seed 7');
		await waitFor('a', 'Before two programs');
		await keys('a', 'The server calls listen()', 'Enter');
		await keys('a', 'The client calls connect()', 'Enter');
		// The SYN plays on its own; the question comes with the SYN,ACK drawn as "?", its label unseen.
		const q1 = await keys('a', 'Flags:', 'Enter');
		fits(q1, 80);
		expect(q1).toContain('SYN seq=1000 ─');
		expect(q1).toMatch(/◀─+ \? ─/);
		noAnswer(q1, ['SYN,ACK seq=', 'ack=1001']);
		await keys('a', '❯ 2) SYN,ACK', 'Down'); // wait for the list to move: ink lists act on their last drawn state
		const q1ack = await keys('a', 'Acknowledgment number', 'Enter');
		noAnswer(q1ack, ['ack=1001', '1001.']); // the flags' feedback does not give the next field away
		fits(await type('a', '1001', 'Enter (or →) to continue'), 80);
		await keys('a', 'lessons done', 'q');
		expect(await keys('a', 'EXITED 0', 'q')).toContain('EXITED 0');

		launch('b', 80, 24, dir, '');
		const menu = await waitFor('b', 'Continue where you left off');
		expect(menu).toMatch(/The handshake as letters\s+in progress 1\/3/);
		fits(menu, 80);
		// Back after the answered question: its segment is drawn, and the lesson plays on to the next question.
		const q2 = await keys('b', 'The boy confirms that he got her letter', 'Enter');
		expect(q2).toContain('SYN,ACK seq=5000 ack=1001 ─');
		expect(q2).toMatch(/─ \? ─+▶/);
		noAnswer(q2, ['ACK seq=1001', 'ack=5001']);
		await keys('b', '❯ 2) SYN,ACK', 'Down');
		await keys('b', '❯ 3) ACK', 'Down');
		await keys('b', 'Sequence number', 'Enter');
		await type('b', '1001', 'Acknowledgment number');
		await type('b', '5001', 'Enter (or →) to continue');
		const q3 = await keys('b', 'In which state is the server now?', 'Enter');
		expect(q3).toContain('ACK seq=1001 ack=5001 len=0 ─');
		// The server's column: "?" where the question's moment is drawn, never the state asked.
		const rows = q3.split('\n').filter(l => /[▶◀]/.test(l));
		expect(rows.at(-1)).toMatch(/ \?$/);
		for (const row of rows) expect(row).not.toMatch(/ESTABLISHED$/);
		await keys('b', 'state ESTABLISHED ✓', '5'); // a digit picks the fifth state
		const summary = await keys('b', 'Score', 'Enter');
		expect(summary).toMatch(/100/);
		const after = await keys('b', 'lessons done', 'q');
		expect(after).toMatch(/The handshake as letters\s+✓ done · best 100%/);
		expect(await keys('b', 'EXITED 0', 'q')).toContain('EXITED 0');
	});

	it('at 60x20 the screen fits and the diagram rows stay whole', async () => {
		launch('c', 60, 20, tempDir(), 'start handshake-letters --seed 7');
		await waitFor('c', 'Before two programs');
		await keys('c', 'The server calls listen()', 'Enter');
		await keys('c', 'The client calls connect()', 'Enter');
		const s = await keys('c', 'Flags:', 'Enter');
		fits(s, 60);
		expect(s.replace(/\n$/, '').split('\n').length).toBeLessThanOrEqual(20);
		expect(s).toMatch(/SYN 1000 ─|SYN seq=1000 ─/);
		expect(await keys('c', 'EXITED 0', 'C-c')).toContain('EXITED 0');
	});
});

describe('spaced review in a real terminal', () => {
	it('a lesson finished with two misses; two days later review shows the two questions due and asks them', async () => {
		const dir = tempDir();
		launch('r1', 80, 24, dir, 'start handshake-letters --seed 7');
		await waitFor('r1', 'Before two programs');
		await keys('r1', 'The server calls listen()', 'Enter');
		await keys('r1', 'The client calls connect()', 'Enter');
		await keys('r1', 'Flags:', 'Enter');
		// Miss 1: ACK for the SYN,ACK, then the right flags and ack.
		await keys('r1', 'is not it', '3');
		await keys('r1', 'Acknowledgment number', '2');
		await type('r1', '1001', 'Enter (or →) to continue');
		// Miss 2: SYN for the third segment, then ACK, seq, ack.
		await keys('r1', 'The boy confirms that he got her letter', 'Enter');
		await keys('r1', 'is not it', '1');
		await keys('r1', 'Sequence number', '3');
		await type('r1', '1001', 'Acknowledgment number');
		await type('r1', '5001', 'Enter (or →) to continue');
		await keys('r1', 'In which state is the server now?', 'Enter');
		await keys('r1', 'state ESTABLISHED ✓', '5');
		await keys('r1', 'Score', 'Enter');
		await keys('r1', 'lessons done', 'q');
		await keys('r1', 'EXITED 0', 'q');

		// The same day nothing is due; two days later (the clock moved, no sleeping) the two missed questions are.
		launch('r2', 80, 24, dir, 'review');
		await waitFor('r2', 'Nothing to review now');
		await keys('r2', 'EXITED 0', 'q');
		const later = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();
		tmux('new-session', '-d', '-s', 'r3', '-x', '80', '-y', '24',
			`env -u CI -u CONTINUOUS_INTEGRATION TCP_TUTOR_CONFIG_DIR=${dir} TCP_TUTOR_TEST_NOW=${later} node ${CLI}; echo "EXITED $?"; sleep 60`);
		await waitFor('r3', 'lessons done');
		// The practice group ends the list: up from the top wraps to it (the list scrolls at 80x24).
		await keys('r3', '❯ Your progress', 'Up');
		await keys('r3', '❯ Interview drill', 'Up');
		const menu = await keys('r3', '❯ Review what you missed', 'Up');
		expect(menu).toMatch(/Review what you missed\s+2 due/);
		const first = await keys('r3', 'Review · 1 of 2', 'Enter');
		fits(first, 80);
		expect(first).toMatch(/Review · 1 of 2 · The handshake as letters/);
		expect(first).toContain('Flags:');
		await keys('r3', '❯ 2) SYN,ACK', 'Down');
		await keys('r3', 'Acknowledgment number', 'Enter');
		await type('r3', 'x+1', 'Enter: next question'); // a new run: new ISNs, so the numbers of the lesson are wrong now
		await keys('r3', 'Review · 2 of 2', 'Enter');
		await keys('r3', '❯ 2) SYN,ACK', 'Down');
		await keys('r3', '❯ 3) ACK', 'Down');
		await keys('r3', 'Sequence number', 'Enter');
		await type('r3', 'x+1', 'Acknowledgment number');
		await type('r3', 'y+1', 'Enter: see how it went');
		const done = await keys('r3', 'Review done: 2 of 2 right at the first try', 'Enter');
		expect(done).toMatch(/Next due: (later today|tomorrow)\./); // the question solved at the first try, three days after the lesson
		await keys('r3', 'lessons done', 'Enter');
		await keys('r3', '❯ Your progress', 'Up');
		await keys('r3', '❯ Interview drill', 'Up');
		const back = await keys('r3', '❯ Review what you missed', 'Up');
		expect(back).toMatch(/Review what you missed\s+nothing due/);
		await keys('r3', 'EXITED 0', 'q');
	}, 60_000);
});
