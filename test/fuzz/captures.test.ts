// Fuzzed capture files for explain: real and generated pcap and pcapng files, cut anywhere and with
// bytes flipped, lengths and link types replaced by extremes, blocks repeated. In process, each is
// explained or refused as a CaptureError (naming the byte), and what is explained can be drawn and
// printed as JSON; through the built CLI, every run exits 0 or 2 with no stack trace and no control byte.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {CaptureError} from '../../src/explain/bytes.js';
import {connectionLines} from '../../src/explain/draw.js';
import {explainJson} from '../../src/explain/events.js';
import {explainBytes} from '../explain/run.js';
import {exchange, pcap, pcapng} from '../explain/writer.js';
import {CLI, STACK, UNSAFE} from '../helpers/cli.js';
import {FUZZ_SCALE, FUZZ_SEED} from './mutate.js';

const dir = new URL('../fixtures/captures/linux/', import.meta.url);
const V4 = exchange({client: '10.0.0.1', cport: 40000, server: '10.0.0.2', sport: 80});
const V6 = exchange({client: 'fe80::1', cport: 40000, server: '2001:db8::2', sport: 443});
const SEEDS: readonly Buffer[] = [
	...['fin-lost', 'synack-retries-5-client', 'tw-syn-reuse', 'flood-cookies-1'].map(n => readFileSync(new URL(`${n}.pcap`, dir))),
	pcap(V4, 'ethernet'), pcap(V6, 'sll2', {nano: true}), pcap(V4, 'null-be', {bigEndian: true}), pcapng(V4, ['ethernet', 'sll2']), pcapng(V6, ['raw', 'null', 'loop']),
];
const EXTREMES = [0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x0a0d0d0a, 0x1a2b3c4d, 12, 13, 276, 113, 101, 6, 0x0800];

type Cut = {kind: 'truncate' | 'flip' | 'extreme' | 'repeat' | 'delete'; at: number; value: number; n: number};
const cut = fc.record({kind: fc.constantFrom('truncate', 'flip', 'extreme', 'repeat', 'delete'), at: fc.nat(), value: fc.nat(), n: fc.nat(200)}) as fc.Arbitrary<Cut>;

function apply(b: Buffer, c: Cut): Buffer {
	const at = b.length === 0 ? 0 : c.at % b.length;
	switch (c.kind) {
		case 'truncate': return b.subarray(0, at);
		case 'flip': {
			const out = Buffer.from(b);
			out[at] = (out[at] ?? 0) ^ (1 << (c.value % 8));
			return out;
		}
		case 'extreme': {
			const out = Buffer.from(b);
			if (at + 4 <= out.length) out.writeUInt32LE(EXTREMES[c.value % EXTREMES.length]! >>> 0, at - (at % 4));
			return out;
		}
		case 'repeat': return Buffer.concat([b.subarray(0, at), ...Array.from({length: 1 + (c.n % 20)}, () => b.subarray(at, at + 1 + c.n)), b.subarray(at)]);
		case 'delete': return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + c.n)]);
	}
}

const mutated = fc.tuple(fc.nat(SEEDS.length - 1), fc.array(cut, {minLength: 1, maxLength: 3})).map(([i, cs]) => cs.reduce(apply, SEEDS[i]!));

describe(`fuzzed capture files (seed ${FUZZ_SEED})`, () => {
	it(`${100 * FUZZ_SCALE} in process: explained and drawn, or refused naming the byte`, async () => {
		for (const bytes of fc.sample(mutated, {numRuns: 100 * FUZZ_SCALE, seed: FUZZ_SEED + 11})) {
			let ex;
			try {
				ex = await explainBytes(bytes, 'fuzzed.pcap');
			} catch (error) {
				expect(error, (error as Error).stack).toBeInstanceOf(CaptureError);
				expect((error as Error).message).toMatch(/^fuzzed\.pcap: at byte \d+: /);
				continue;
			}
			for (const c of ex.connections) {
				const events = ex.events.filter(e => e.conn === c.conn);
				for (const line of connectionLines(events, {absolute: false, columns: 80})) expect([...line].length).toBeLessThanOrEqual(80);
				for (const e of events) JSON.parse(explainJson(e, true));
			}
		}
	}, 120_000);

	it(`${4 * FUZZ_SCALE} through the built CLI: exit 0 or 2, no stack trace, no control byte`, async () => {
		const problems: string[] = [];
		const runs = fc.sample(mutated, {numRuns: 4 * FUZZ_SCALE, seed: FUZZ_SEED + 12});
		for (const [k, bytes] of runs.entries()) {
			for (const args of [['explain', '-'], ['explain', '-', '--json', '--absolute']]) {
				const {code, output} = await new Promise<{code: number | null; output: string}>(resolve => {
					const child = spawn(process.execPath, [CLI, ...args], {env: {PATH: process.env['PATH'] ?? ''}});
					let output = '';
					child.stdout.on('data', d => (output += d));
					child.stderr.on('data', d => (output += d));
					const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
					child.on('exit', c => {
						clearTimeout(guard);
						resolve({code: c, output});
					});
					child.stdin.on('error', () => {});
					child.stdin.end(bytes);
				});
				const what = `case ${k} (${args.join(' ')})`;
				if (code !== 0 && code !== 2) problems.push(`${what}: exit ${code}: ${output.slice(-300)}`);
				if (STACK.test(output)) problems.push(`${what}: a stack trace`);
				if (UNSAFE.test(output)) problems.push(`${what}: printed ${JSON.stringify(UNSAFE.exec(output)![0])}`);
			}
		}
		expect(problems).toEqual([]);
	}, 120_000);
});

