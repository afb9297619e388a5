// tcp-tutor lab through the built CLI: plain lines, --json objects, Chinese, usage errors, and the
// lesson summary's offer. The runs on real sockets need Linux (/proc/net/tcp) and skip themselves elsewhere.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {STACK, cli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp-store.js';

const LINUX = process.platform === 'linux';

function scenarioFile(): string {
	const file = join(tempDir(), 'close.yaml');
	writeFileSync(file, 'server: { port: 80 }\nsteps:\n  - server: listen\n  - client: connect\n  - drop: { from: client, flags: [ACK] }\n  - client: close\n  - server: close\n');
	return file;
}

describe('tcp-tutor lab', () => {
	it('needs one lesson or file; an unknown lesson is a usage error (exit 2), never a stack trace', () => {
		for (const args of [['lab'], ['lab', 'a', 'b'], ['lab', 'no-such-lesson']]) {
			const r = cli(args);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.err).toMatch(/^tcp-tutor: (lab needs one lesson id or scenario file|no lesson "no-such-lesson")/);
			expect(r.err).not.toMatch(STACK);
		}
	});

	it('a lesson\'s summary in plain mode offers the lab', () => {
		const r = cli(['start', 'handshake-letters', '--plain', '--seed', '7'], {input: '!\n'.repeat(12)});
		expect(r.out).toContain('Try it on your kernel: tcp-tutor lab handshake-letters');
	});

	describe.skipIf(!LINUX)(`on real sockets (Linux only${LINUX ? '' : `; skipped on ${process.platform}`})`, () => {
		it('plain: a line a step, each socket\'s kernel state marked ✓ or ✗, the skipped step\'s reason, and a summary', () => {
			const r = cli(['lab', scenarioFile()]);
			expect(r.code).toBe(0);
			const lines = r.out.trim().split('\n');
			expect(lines[0]).toMatch(/^tcp-tutor lab .*close\.yaml: real sockets on 127\.0\.0\.1 \(the server on port \d+\)/);
			expect(lines).toContain('The scenario\'s server port 80 is below 1024 and needs root: the lab\'s server uses a free port.');
			expect(r.out).toMatch(/^ 2\. client: connect {2}client ESTABLISHED ✓ · server ESTABLISHED ✓ · listener LISTEN ✓$/m);
			expect(r.out).toMatch(/^ 3\. drop: .* — skipped: losing a segment needs a packet filter \(nftables, as root\)/m);
			// Without the drop the ACK of the FIN arrives: the lab stops comparing where that changes a state.
			expect(r.out).toMatch(/From here on nothing is compared: step 3 \(drop: .*\), which the lab could not perform, changes what follows\./);
			expect(lines.at(-1)).toMatch(/^Compared \d steps: \d agree, 0 differ\. Skipped: 1\. Not compared: \d\.$/);
		});

		it('--json: one object a step, with each socket\'s kernel and predicted state', () => {
			const r = cli(['lab', scenarioFile(), '--json']);
			expect(r.code).toBe(0);
			const objects = r.out.trim().split('\n').map(l => JSON.parse(l) as Record<string, unknown>);
			expect(objects.map(o => o['step'])).toEqual([1, 2, 3, 4, 5]);
			expect(objects[1]).toMatchObject({text: 'client: connect', status: 'compared', agree: true,
				sockets: [{socket: 'client', conn: 1, kernel: 'ESTABLISHED', predicted: 'ESTABLISHED', agree: true}, {socket: 'server', kernel: 'ESTABLISHED'}, {socket: 'listener', kernel: 'LISTEN'}]});
			expect(objects[2]).toMatchObject({status: 'skipped', skipped: 'drop'});
			expect(objects.some(o => (o['stop'] as {kind?: string} | undefined)?.kind === 'skip')).toBe(true);
		});

		it('in Chinese', () => {
			const r = cli(['lab', 'handshake-letters', '--lang', 'zh']);
			expect(r.code).toBe(0);
			expect(r.out).toContain('在 127.0.0.1 上用真实 socket 执行');
			expect(r.out.trim().split('\n').at(-1)).toBe('对照了 2 步：2 步一致，0 步不一致。跳过：0 步。没有对照：0 步。');
		});
	});
});
