// The built CLI in Chinese in a real terminal (tmux, UTF-8): a lesson at 80x24 and at 60x20, every
// line within the screen in display columns (a Chinese character takes two cells), diagram rows whole.
import {execFileSync} from 'node:child_process';
import stringWidth from 'string-width';
import {afterAll, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/temp-store.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const SOCKET = `tcp-tutor-e2e-zh-${process.pid}`;

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-u', '-L', SOCKET, ...args], {encoding: 'utf8'});
}

/** Start the CLI in a new session of this size; CI removed (ink draws nothing under CI), LANG left as the machine has it. */
function launch(name: string, cols: number, rows: number, dir: string, args: string): void {
	const command = `env -u CI -u CONTINUOUS_INTEGRATION TCP_TUTOR_CONFIG_DIR=${dir} node ${CLI} ${args}; echo "EXITED $?"; sleep 60`;
	tmux('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), command);
}

const screen = (name: string) => tmux('capture-pane', '-p', '-t', `=${name}:`);

async function waitFor(name: string, text: string, timeoutMs = 10_000): Promise<string> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const s = screen(name);
		if (s.includes(text)) return s;
		if (Date.now() > end) throw new Error(`"${text}" did not appear; the screen:\n${s}`);
		await new Promise(r => setTimeout(r, 50));
	}
}

async function keys(name: string, expect: string, ...k: string[]): Promise<string> {
	for (const key of k) tmux('send-keys', '-t', `=${name}:`, key);
	return waitFor(name, expect);
}

function fits(s: string, cols: number, rows: number): void {
	const lines = s.replace(/\n+$/, '').split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) {
		expect(stringWidth(line), line).toBeLessThanOrEqual(cols);
		expect(line).not.toContain('\uFFFD');
	}
	for (const line of lines.filter(l => /─ SYN /.test(l))) expect(line).toMatch(/▶/);
}

afterAll(() => {
	try {
		tmux('kill-server');
	} catch { /* already gone */ }
});

describe('in Chinese in a real terminal', () => {
	it.each([[80, 24], [60, 20]])('at %ix%i: the menu and a question answered in full-width forms fit; the choice is remembered', async (cols, rows) => {
		const name = `zh${cols}`;
		const dir = tempDir();
		launch(name, cols, rows, dir, '--lang zh');
		fits(await waitFor(name, '已完成 0/'), cols, rows);
		fits(await keys(name, '两个程序要通过 TCP 交换数据', 'Enter'), cols, rows);
		await keys(name, '服务器在 80 端口上调用', 'Enter');
		await keys(name, '客户端调用 connect()', 'Enter');
		const q1 = await keys(name, '标志位（flags）：', 'Enter');
		fits(q1, cols, rows);
		expect(q1).toMatch(/SYN (seq=)?1000 ─/);
		await keys(name, '✓ 答对了：SYN,ACK。', '2');
		tmux('send-keys', '-t', `=${name}:`, '-l', 'ｘ＋１');
		await waitFor(name, '› ｘ＋１');
		fits(await keys(name, 'Enter（或 →）继续', 'Enter'), cols, rows);
		await keys(name, '已完成 0/', 'q');
		expect(await keys(name, 'EXITED 0', 'q')).toContain('EXITED 0');

		launch(`${name}b`, cols, rows, dir, ''); // no --lang: the store remembers Chinese
		const menu = await waitFor(`${name}b`, '从上次停下的地方继续');
		fits(menu, cols, rows);
		expect(await keys(`${name}b`, 'EXITED 0', 'q')).toContain('EXITED 0');
	});
});
