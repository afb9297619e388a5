// The listener's SYN queue under a SYN flood, against real Linux 6.18 captures
// (test/fixtures/captures/linux/flood-*.json): how many spoofed requests are queued, answered with a
// cookie or dropped; how many survive the pruning of old requests at 7 s; and when the real client
// that connects at 0.5 s gets in.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {applyStep, startWorld} from '../../src/sim/run.js';
import type {FloodEvent, SegmentEvent} from '../../src/sim/trace.js';

type Captured = {conn: number; from: string; flags: string[]; t: number};
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/captures/linux/${name}.json`, import.meta.url), 'utf8')) as {segments: Captured[]};

/** From a capture: spoofed requests answered at t (to within 0.3 s), counted by connection. */
function answeredNear(segs: readonly Captured[], client: number, t: number): number {
	return new Set(segs.filter(s => s.conn !== client && s.from === 'server' && Math.abs(s.t - t) < 0.3).map(s => s.conn)).size;
}

const ROWS = [
	{name: 'flood-cookies-0', cookies: 0, backlog: 8, max: 16, syns: 12, client: 13},
	{name: 'flood-cookies-1', cookies: 1, backlog: 8, max: 16, syns: 12, client: 13},
	{name: 'flood-cookies-2', cookies: 2, backlog: 8, max: 16, syns: 12, client: 13},
	{name: 'flood-max-syn-backlog', cookies: 0, backlog: 64, max: 16, syns: 16, client: 17},
] as const;

describe('SYN queue under a flood matches real Linux 6.18', () => {
	it.each(ROWS.map(r => [r.name, r] as const))('%s', (_name, row) => {
		const real = fixture(row.name).segments;
		const scenario = scenarioFromYaml(`
server: { backlog: ${row.backlog} }
sysctl: { tcp_syncookies: ${row.cookies}, tcp_max_syn_backlog: ${row.max} }
steps:
  - server: listen
  - flood: ${row.syns}
  - wait: 500ms
  - client: connect
  - wait: 1s
  - wait: 6.6s
  - wait: 8s
`, `${row.name}.yaml`);
		const w = startWorld(scenario, 1);
		const queueAfter: number[] = [];
		for (const step of scenario.steps) {
			applyStep(w, step);
			queueAfter.push(w.listener!.synQueue.length);
		}
		const flood = w.events.find((e): e is FloodEvent => e.type === 'flood')!;
		// Requests answered with a SYN-ACK at once and still retried at 1 s; cookies are answered once and never retried.
		const firstAnswers = answeredNear(real, row.client, 0);
		const retriedAt1s = answeredNear(real, row.client, 1.02);
		expect(flood.queued, 'requests queued').toBe(retriedAt1s);
		expect(flood.cookies, 'cookies sent').toBe(firstAnswers - retriedAt1s);
		expect(flood.dropped, 'SYNs dropped').toBe(row.syns - firstAnswers);
		// After the pruning at 7 s (t = 8.1 s here) and at 16.1 s: the requests still retried at 15.4 s.
		expect(queueAfter.at(-2), 'requests left after 7 s').toBe(answeredNear(real, row.client, 15.4));
		// The real client: its SYNs, and when (if ever) the server answered it.
		const clientReal = real.filter(s => s.conn === row.client);
		const start = clientReal[0]!.t;
		const clientSim = w.events.filter((e): e is SegmentEvent => e.type === 'segment');
		const summary = (list: readonly {from: string; flags: readonly string[]; t: number}[], t0: number) =>
			list.filter(s => s.t - t0 < 15).map(s => `${(s.t - t0).toFixed(0)}s ${s.from} ${[...s.flags].sort().join(',')}`);
		expect(summary(clientSim, 0.5)).toEqual(summary(clientReal, start));
	});
});
