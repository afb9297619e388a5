// Fuzzed lesson, scenario and progress files through the built CLI, as a learner's shell runs it:
// every run exits 0, 1 or 2, prints no stack trace and no escape or control byte, and ends before a
// generous guard (a hang detector, not a speed measure: speed is in npm run bench) (issue 10, item 6).
import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lessonFiles} from '../../src/lessons/load.js';
import {CLI, STACK, UNSAFE} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp-store.js';
import {FUZZ_SCALE, FUZZ_SEED, mutatedText, progressText} from './mutate.js';

const CASES = 5 * FUZZ_SCALE;
const GUARD_MS = 20_000;
const lessonTexts = lessonFiles(new URL('../../lessons/', import.meta.url).pathname)
	.map(f => readFileSync(f, 'utf8').replace(/^id: .*$/m, 'id: fuzzed')); // not a twin of a shipped lesson
const scenarioTexts = lessonTexts.map(t => /^scenario:\n((?: {2}.*\n|\n)+)/m.exec(t)![1]!.replace(/^ {2}/gm, ''));

type Run = {readonly args: readonly string[]; readonly dir: string; readonly input?: string; readonly file: string};
type Result = {code: number | null; signal: NodeJS.Signals | null; output: string};

function runCli(r: Run): Promise<Result> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...r.args], {env: {PATH: process.env['PATH'] ?? '', HOME: r.dir, TCP_TUTOR_CONFIG_DIR: r.dir}});
		let output = '';
		child.stdout.on('data', d => (output += d));
		child.stderr.on('data', d => (output += d));
		const guard = setTimeout(() => child.kill('SIGKILL'), GUARD_MS);
		child.on('exit', (code, signal) => {
			clearTimeout(guard);
			resolve({code, signal, output});
		});
		child.stdin.on('error', () => {}); // a command that does not read its input may exit first
		child.stdin.end(r.input ?? '');
	});
}

/** Run every case, three at a time (the machine has two cores, and the CLI mostly waits to start). */
async function runAll(runs: readonly Run[]): Promise<string[]> {
	const problems: string[] = [];
	let next = 0;
	const worker = async () => {
		while (next < runs.length) {
			const r = runs[next++]!;
			const {code, signal, output} = await runCli(r);
			const what = `tcp-tutor ${r.args.join(' ')} (file ${r.file})`;
			if (signal !== null || ![0, 1, 2].includes(code!)) problems.push(`${what}: ended with ${signal ?? `exit code ${code}`}`);
			if (STACK.test(output)) problems.push(`${what}: printed a stack trace`);
			if (UNSAFE.test(output)) problems.push(`${what}: printed ${JSON.stringify(UNSAFE.exec(output)![0])}`);
		}
	};
	await Promise.all([worker(), worker(), worker()]);
	return problems;
}

/** Write each sample to a fresh folder and name the commands that read it. */
function cases<T>(arbitrary: fc.Arbitrary<T>, salt: number, commands: (file: string, dir: string) => Omit<Run, 'dir' | 'file'>[], write: (dir: string, value: T) => string): Run[] {
	return fc.sample(arbitrary, {numRuns: CASES, seed: FUZZ_SEED + salt}).flatMap(value => {
		const dir = tempDir('tcp-tutor-fuzz-cli-');
		const file = write(dir, value);
		return commands(file, dir).map(c => ({...c, dir, file}));
	});
}

describe(`fuzzed files through the built CLI (seed ${FUZZ_SEED})`, () => {
	it(`${CASES} lessons, ${CASES} scenarios and ${CASES} progress files: exit 0/1/2, no stack trace, no escape byte, no hang`, async () => {
		const lessons = cases(mutatedText(lessonTexts), 1, file => [
			{args: ['check', join(file, '..'), '--seeds', '2']},
			{args: ['start', 'fuzzed', '--lessons', join(file, '..'), '--plain', '--seed', '3'], input: '!\n'.repeat(40)},
		], (dir, text) => {
			mkdirSync(join(dir, 'lessons'));
			writeFileSync(join(dir, 'lessons', 'fuzzed.yaml'), text);
			return join(dir, 'lessons', 'fuzzed.yaml');
		});
		const scenarios = cases(mutatedText(scenarioTexts), 2, file => [{args: ['trace', file]}, {args: ['trace', file, '--json', '--relative']}], (dir, text) => {
			writeFileSync(join(dir, 'scenario.yaml'), text);
			return join(dir, 'scenario.yaml');
		});
		const stores = cases(progressText, 3, file => [
			{args: ['progress']}, {args: ['list']}, {args: ['progress', '--import', file]},
			{args: ['start', 'handshake-letters', '--plain'], input: '!\n'.repeat(10)},
		], (dir, text) => {
			writeFileSync(join(dir, 'progress.json'), text);
			writeFileSync(join(dir, 'import.json'), text);
			return join(dir, 'import.json');
		});
		expect(await runAll([...lessons, ...scenarios, ...stores])).toEqual([]);
	}, 300_000);
});
