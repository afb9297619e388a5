// Render ink trees for tests at a chosen terminal size (ink-testing-library's stdout is always
// 100 columns), send keys, and wait for a frame instead of sleeping.
//
// Keys are sent inside React's act(): ink's useInput attaches each handler in an effect, and in this
// app a render and its effects take 10-30 ms in a test run, so a key sent a fixed time after the last
// one could still meet the handlers of the previous render. act() runs the render and its effects
// before returning, so each key meets the screen the previous key produced, without sleeping.
import {EventEmitter} from 'node:events';
import {render as inkRender} from 'ink';
import {render as libRender} from 'ink-testing-library';
import {type ReactElement, act} from 'react';
import stringWidth from 'string-width';
import {expect} from 'vitest';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

/** A terminal's output stream of a given size, keeping every frame ink writes. */
export class SizedStdout extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = true;
	constructor(readonly columns: number, readonly rows: number) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
	lastFrame = () => this.frames[this.frames.length - 1];
}

/** A terminal's input stream in raw mode: write() sends keys. */
export class FakeStdin extends EventEmitter {
	isTTY = true;
	data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read = () => {
		const d = this.data;
		this.data = null;
		return d;
	};
}

export type Rendered = {
	lastFrame(): string;
	frames: readonly string[];
	stdin: {write(data: string): void};
	unmount(): Promise<void> | void;
};

/** Render at `columns` x `rows` (a real ink render in debug mode, as ink-testing-library does). */
export async function renderAt(tree: ReactElement, columns: number, rows: number): Promise<Rendered> {
	const stdout = new SizedStdout(columns, rows);
	const stdin = new FakeStdin();
	let instance: ReturnType<typeof inkRender> | undefined;
	await act(async () => {
		instance = inkRender(tree, {
			stdout: stdout as unknown as NodeJS.WriteStream, stderr: new SizedStdout(columns, rows) as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false,
		});
	});
	return {lastFrame: () => stdout.lastFrame() ?? '', frames: stdout.frames, stdin, unmount: () => act(() => instance!.unmount())};
}

/** ink-testing-library's render (100 columns), with lastFrame never undefined. */
export async function render(tree: ReactElement): Promise<Rendered> {
	let r: ReturnType<typeof libRender> | undefined;
	await act(async () => {
		r = libRender(tree);
	});
	return {lastFrame: () => r!.lastFrame() ?? '', frames: r!.frames, stdin: r!.stdin, unmount: () => act(() => r!.unmount())};
}

/** Poll every 10 ms until `check` holds; fail with the last frame after `timeoutMs`. */
export async function waitFor(check: () => boolean, describe: () => string = () => '', timeoutMs = 3000): Promise<void> {
	const start = Date.now();
	for (;;) {
		if (check()) return;
		if (Date.now() - start > timeoutMs) throw new Error(`waitFor timed out. ${describe()}`);
		await new Promise(r => setTimeout(r, 10));
	}
}

/** Wait until the frame shows `text`. */
export function waitForText(r: Rendered, text: string, timeoutMs?: number): Promise<void> {
	return waitFor(() => r.lastFrame().includes(text), () => `Expected to see ${JSON.stringify(text)} in:\n${r.lastFrame()}`, timeoutMs);
}

/** Send keys one at a time, each once the screen of the previous one is drawn and listening. */
export async function press(r: Rendered, ...keys: string[]): Promise<void> {
	for (const k of keys) {
		await act(async () => {
			r.stdin.write(k);
		});
	}
}

/** Type text into the focused field, one key a character. */
export function type(r: Rendered, text: string): Promise<void> {
	return press(r, ...text);
}

/** Enter, then wait until the frame shows `text`. */
export async function next(r: Rendered, text: string): Promise<void> {
	await press(r, KEY.enter);
	await waitForText(r, text);
}

export const KEY = {enter: '\r', esc: '\u001B', up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', ctrlC: '\u0003', tab: '\t', backspace: '\u007F'} as const;

/** Strip ANSI escapes. */
export function plain(s: string): string {
	return s.replace(/\u001B\[[0-9;]*m/g, '');
}

/** Every frame: at most `rows` lines, each within `columns` display columns, no replacement character (half a character). */
export function fitsEveryFrame(r: Rendered, columns: number, rows: number): void {
	for (const frame of r.frames) {
		const lines = frame.split('\n');
		expect(lines.length, frame).toBeLessThanOrEqual(rows);
		for (const line of lines) {
			expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
			expect(line).not.toContain('\uFFFD');
		}
	}
}
