// The lab on real loopback sockets: every shipped lesson, and scenarios that end where a state is
// worth seeing (TIME-WAIT right after the active close, an RST for unread data, the accept queue).
// Linux only: the states are read from /proc/net/tcp. Waits are capped at a second; nothing waits 60 s.
import {describe, expect, it} from 'vitest';
import {kernelReader} from '../../src/lab/kernel.js';
import {type LabStep, runLab} from '../../src/lab/run.js';
import {kernelSysctls} from '../../src/lab/sysctls.js';
import {lessonFiles, loadLessonFile} from '../../src/lessons/load.js';
import {scenarioFromYaml} from '../../src/sim/load.js';
import type {Scenario} from '../../src/sim/scenario.js';

const LINUX = process.platform === 'linux';
const CAP_US = 1_000_000;

async function lab(scenario: Scenario): Promise<readonly LabStep[]> {
	const {steps} = await runLab({
		// A loaded machine (the whole suite on two cores) may take longer than the default 100 ms to settle.
		scenario, seed: 1, reader: kernelReader()!, sysctls: kernelSysctls(), settleMs: 500,
		wait: async us => {
			const waited = Math.min(us, CAP_US);
			await new Promise(r => setTimeout(r, waited / 1000));
			return waited;
		},
		onStep: () => {},
	});
	return steps;
}

/** A step as one line, for a failure message: each socket's kernel and predicted state. */
const show = (s: LabStep) => `${s.index + 1} ${s.text} [${s.status}] ${s.rows.map(r => `${r.label} ${r.kernel}/${r.predicted ?? '-'}`).join(' · ')}`;

/** The states a socket goes through, as the lab saw them in the kernel on compared steps. */
const seen = (steps: readonly LabStep[], label: string) => steps.filter(s => s.status === 'compared').map(s => s.rows.find(r => r.label === label)?.kernel);

describe.skipIf(!LINUX)(`the lab on this kernel's loopback (Linux only: it reads /proc/net/tcp${LINUX ? '' : '; skipped on ' + process.platform})`, () => {
	// What each lesson can compare before a skipped step or a cut wait changes what follows.
	const COMPARED: Record<string, number> = {
		'01-handshake-letters': 2, '02-handshake-numbers': 3, '03-data-transfer': 8, '04-four-way-close': 9, '05-three-segment-close': 8,
		'06-why-three-handshakes': 1, '07-eleven-states': 7, '08-time-wait': 4, '09-close-wait': 5, '10-half-close': 9,
		'11-simultaneous-open': 0, '12-simultaneous-close': 2, '13-lost-last-ack': 3, '14-rst': 12, '15-syn-flood': 2,
		'16-sysctl-knobs': 1, '17-myth-busters': 5, '18-lost-handshake': 1, '19-lost-close': 2, '20-dead-peer': 3,
		'21-two-queues': 2, '22-time-wait-in-depth': 4, '23-syn-on-established': 11, '24-syn-cookies': 6,
	};

	it.each(lessonFiles('lessons').map(f => [f.replace(/^.*\/|\.yaml$/g, ''), f]))('lesson %s: every state the lab can compare agrees with the simulator', async (name, file) => {
		const steps = await lab(loadLessonFile(file).scenario);
		const compared = steps.filter(s => s.status === 'compared');
		const differ = compared.filter(s => !s.agree).map(show);
		expect(differ).toEqual([]);
		expect(compared.length, steps.map(show).join('\n')).toBe(COMPARED[name]);
		// Once the comparison stops it never starts again, and the step where it stops says why.
		const first = steps.findIndex(s => s.status === 'not-compared' || s.stop);
		if (first >= 0) {
			expect(steps[first]!.stop).toBeDefined();
			expect(steps.slice(first).every(s => s.status !== 'compared')).toBe(true);
		}
	}, 15_000);

	it('TIME-WAIT: the side that closes first is in TIME-WAIT right after the last FIN, the other CLOSED', async () => {
		const steps = await lab(scenarioFromYaml('steps:\n  - server: listen\n  - client: connect\n  - client: close\n  - server: close\n'));
		expect(steps.map(s => s.status)).toEqual(['compared', 'compared', 'compared', 'compared']);
		// Right after close() the server's ACK of the FIN waits one 4 ms tick: a loaded machine may have sent it already.
		const client = seen(steps, 'client');
		expect([client.slice(0, 2), client[3]]).toEqual([['CLOSED', 'ESTABLISHED'], 'TIME-WAIT']);
		expect(['FIN-WAIT-1', 'FIN-WAIT-2']).toContain(client[2]);
		expect(seen(steps, 'server').slice(1)).toEqual(['ESTABLISHED', 'CLOSE-WAIT', 'CLOSED']);
		expect(steps.every(s => s.agree)).toBe(true);
	});

	it('closing with data unread resets the connection (RST, no TIME-WAIT); read data does not', async () => {
		const unread = await lab(scenarioFromYaml('steps:\n  - server: listen\n  - client: connect\n  - client: send 100\n  - server: close\n'));
		expect(unread.at(-1)!.rows.filter(r => r.conn === 1).map(r => [r.label, r.kernel, r.agree])).toEqual([['client', 'CLOSED', true], ['server', 'CLOSED', true]]);
		const read = await lab(scenarioFromYaml('steps:\n  - server: listen\n  - client: connect\n  - client: send 100\n  - server: read\n  - server: close\n'));
		const [client, server] = read.at(-1)!.rows.filter(r => r.conn === 1);
		expect([client?.kernel, client?.agree, server?.agree]).toEqual(['CLOSE-WAIT', true, true]);
		// FIN-WAIT-1 while the client's ACK of the FIN is delayed; FIN-WAIT-2 if it went before /proc was read (then marked as a moment on).
		expect(server?.kernel === 'FIN-WAIT-1' || (server?.kernel === 'FIN-WAIT-2' && server.laterMs !== undefined)).toBe(true);
	});

	it('half-close, abort, and a send after the peer closed: the kernel agrees at every step', async () => {
		const steps = await lab(scenarioFromYaml(`steps:
  - server: listen
  - client: connect
  - client: shutdown
  - wait: 100ms
  - server: send 500
  - client: read
  - server: close
  - client: close
  - client: connect
  - server: abort
  - client: send 10
`));
		expect(steps.filter(s => !s.agree).map(show)).toEqual([]);
		expect(steps.at(-1)!.rows.find(r => r.label === 'client #2')?.kernel).toBe('CLOSED');
	});

	it('named clients, accept and close listener: a connection nobody accepted is reset, an accepted one stays', async () => {
		const steps = await lab(scenarioFromYaml(`steps:
  - server: listen
  - client A: connect
  - client B: connect
  - server: accept
  - server: close listener
  - server: exit
`));
		expect(steps.filter(s => !s.agree).map(show)).toEqual([]);
		const closed = steps[4]!.rows;
		expect(closed.find(r => r.label === 'client A #1')?.kernel).toBe('ESTABLISHED');
		expect(closed.find(r => r.label === 'client B #2')?.kernel).toBe('CLOSED');
		expect(steps[5]!.rows.find(r => r.label === 'client A #1')?.kernel).toBe('CLOSE-WAIT');
	});

	it('a cut wait that changes nothing keeps comparing; one that would end TIME-WAIT stops it and says which step', async () => {
		const steps = await lab(scenarioFromYaml('steps:\n  - server: listen\n  - client: connect\n  - wait: 5s\n  - client: close\n  - server: close\n  - wait: 60s\n  - client: connect\n'));
		expect(steps[2]).toMatchObject({status: 'compared', waited: {us: CAP_US, of: 5e6}, agree: true});
		expect(steps[5]).toMatchObject({status: 'not-compared', stop: {kind: 'cut', step: 5, waitedUs: CAP_US}});
		expect(steps[5]!.rows.find(r => r.label === 'client')).toMatchObject({kernel: 'TIME-WAIT', predicted: 'CLOSED'});
		expect(steps[6]!.status).toBe('not-compared');
	});
});
