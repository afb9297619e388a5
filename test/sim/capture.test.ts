// The linux profile against real captures on Linux loopback (scripts/capture/, test/fixtures/captures/):
// segment by segment, flags, relative seq/ack and length must agree.
import {readFileSync, readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';

const dir = new URL('../fixtures/captures/', import.meta.url);
const variants = readdirSync(dir).filter(f => f.endsWith('.scenario.yaml')).map(f => f.replace('.scenario.yaml', ''));

type Captured = {from: string; flags: string[]; seq: number; ack: number | null; len: number; t: number};

describe('linux profile matches a real loopback capture', () => {
	it('has a scenario for every captured variant', () => {
		const captured = readdirSync(dir).filter(f => f.endsWith('.json')).map(f => f.replace('.json', ''));
		expect(variants.sort()).toEqual(captured.sort());
	});

	it.each(variants)('%s', variant => {
		const capture = JSON.parse(readFileSync(new URL(`${variant}.json`, dir), 'utf8')) as {segments: Captured[]};
		const scenario = scenarioFromYaml(readFileSync(new URL(`${variant}.scenario.yaml`, dir), 'utf8'), `${variant}.scenario.yaml`);
		for (const seed of [1, 2, 0xfffffff0]) {
			const trace = run(scenario, seed);
			const simulated = trace.events.flatMap(e => (e.type === 'segment'
				? [{from: e.from, flags: e.flags, seq: e.rel.seq, ack: e.rel.ack, len: e.len}] : []));
			const real = capture.segments.map(s => ({from: s.from, flags: s.flags, seq: s.seq, ack: s.ack, len: s.len}));
			expect(simulated).toEqual(real);
			// Timing too: delayed ACKs (40 ms, or one 4 ms tick before any data) and waits land where the kernel put them.
			const times = trace.events.flatMap(e => (e.type === 'segment' ? [e.t] : []));
			capture.segments.forEach((s, i) => expect(Math.abs(times[i]! - s.t), `segment ${i + 1} at ${times[i]} s vs ${s.t} s`).toBeLessThan(0.015));
		}
	});

	it('records the numbers of the basic exchange (a three-segment close)', () => {
		// From test/fixtures/captures/basic.txt: the server's ACK of the FIN rides on its own FIN.
		const capture = JSON.parse(readFileSync(new URL('basic.json', dir), 'utf8')) as {segments: Captured[]};
		const close = capture.segments.slice(-3).map(s => `${s.from} ${s.flags.join(',')} ${s.seq} ${s.ack} ${s.len}`);
		expect(close).toEqual(['client ACK,FIN 101 201 0', 'server ACK,FIN 201 102 0', 'client ACK 102 202 0']);
	});
});
