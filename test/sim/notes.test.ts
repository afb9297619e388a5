// The notes that explain a segment the receiver did not take: a copy of what already arrived is said to be one
// (as Wireshark calls it a retransmission), and is ACKed again; a segment past the window is said to be outside it.
import {describe, expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';

const notes = (steps: readonly string[]) => run(scenarioFromYaml(`client: { isn: 1000 }\nserver: { isn: 5000 }\nsteps:\n${steps.map(s => `  - ${s}`).join('\n')}\n`, 'notes.yaml'), 1)
	.events.flatMap(e => (e.type === 'note' ? [`${e.endpoint}: ${e.note}`] : []));

describe('notes on segments not taken', () => {
	it('a duplicated data segment is a copy of what already arrived, ACKed again', () => {
		expect(notes(['server: listen', 'client: connect', 'duplicate: { from: client, flags: [PSH] }', 'client: send 100'])).toEqual([
			'server: segment dropped: a copy of what already arrived (ACKed again)',
		]);
	});

	it('a segment beyond the receive window is outside it', () => {
		expect(notes(['server: listen', 'client: connect', 'inject: { from: client, flags: [ACK], seq: 900000, ack: 5001, len: 10 }'])).toEqual([
			'server: segment dropped: outside the receive window',
		]);
	});
});

describe('keepalive timer in the trace', () => {
	it('an answered probe sets the timer back to the idle time, traced (not left at the interval)', () => {
		const t = run(scenarioFromYaml('steps:\n  - server: listen\n  - client: keepalive 2s 1s 3\n  - client: connect\n  - wait: 3s\n', 'ka.yaml'), 1);
		const sets = t.events.flatMap(e => (e.type === 'timer' && e.timer === 'keepalive' && e.action === 'set' ? [`${e.t}s ${e.duration}s`] : []));
		expect(sets).toEqual(['0s 2s', '2s 1s', '2s 2s']); // armed, the probe's interval, the answer: idle again
	});
});

describe('the seq rule of a keepalive probe', () => {
	it('says it is a probe one below SND.UNA, not a retransmission', async () => {
		const {seqSum} = await import('../../src/lessons/seq-sums.js');
		const t = run(scenarioFromYaml('steps:\n  - server: listen\n  - client: keepalive 2s 1s 3\n  - client: connect\n  - wait: 3s\n', 'ka.yaml'), 1);
		const probe = t.events.find(e => e.type === 'segment' && e.from === 'client' && e.t === 2);
		expect(probe).toBeDefined();
		const sum = seqSum(t, probe as never, 'seq', false)!;
		expect(sum.rule).toMatch(/^A keepalive probe carries seq one below SND\.UNA/);
		expect(sum.total).toBe((t.isn.client) >>> 0); // x: one below x + 1
	});
});
