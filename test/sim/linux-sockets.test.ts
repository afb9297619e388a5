// A listener with its queues, several connections, and connect() meeting TIME-WAIT, against real
// Linux 6.18 captures (test/fixtures/captures/linux/, scripts/capture/linux/scenarios.py): every
// connection's segments (from, flags, relative seq/ack, len) and their times, the states the
// capture's ss snapshots show, and the calls' results (EADDRNOTAVAIL, EADDRINUSE).
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {type Trace, run} from '../../src/sim/run.js';
import type {CallEvent, SegmentEvent} from '../../src/sim/trace.js';
import {applyStep, startWorld} from '../../src/sim/run.js';
import {queues} from '../../src/sim/sockets.js';

type Captured = {conn: number; from: string; flags: string[]; seq: number; ack: number | null; len: number; t: number};
type Fixture = {segments: Captured[]; events: {t: number; who: string; event: string; error?: string; output?: string[]; label?: string}[]};
const fixture = (name: string): Fixture => JSON.parse(readFileSync(new URL(`../fixtures/captures/linux/${name}.json`, import.meta.url), 'utf8')) as Fixture;

const line = (s: {conn: number; from: string; flags: readonly string[]; seq: number; ack: number | null; len: number}) =>
	`#${s.conn} ${s.from} ${[...s.flags].sort().join(',')} ${s.seq} ${s.ack ?? '-'} ${s.len}`;

function simSegments(trace: Trace): Captured[] {
	return trace.events.filter((e): e is SegmentEvent => e.type === 'segment')
		.map(e => ({conn: e.conn, from: e.from, flags: e.flags.filter(f => f !== 'PSH'), seq: e.rel.seq, ack: e.rel.ack, len: e.len, t: e.t}));
}

/** Segment by segment within each connection, and each segment's time within a tick and a few percent. */
function expectSameConnections(real: readonly Captured[], sim: readonly Captured[]): void {
	const conns = [...new Set(real.map(s => s.conn))];
	for (const conn of conns) {
		const r = real.filter(s => s.conn === conn);
		const m = sim.filter(s => s.conn === conn);
		expect(m.map(s => line({...s, flags: s.flags})), `connection ${conn}`).toEqual(r.map(s => line({...s, flags: s.flags.filter(f => f !== 'PSH')})));
		r.forEach((s, i) => expect(Math.abs(m[i]!.t - s.t), `connection ${conn} segment ${i + 1} at ${s.t} s`).toBeLessThanOrEqual(0.03 + 0.03 * s.t));
	}
	expect(new Set(sim.map(s => s.conn)), 'no other connection').toEqual(new Set(conns));
}

/** The listener's line of an ss snapshot: Recv-Q (the accept queue) and Send-Q (the backlog). */
function ssListener(f: Fixture, label: string): {accept: number; backlog: number} {
	const out = f.events.find(e => e.who === 'ss' && e.label === label)!.output!;
	const cols = out.find(l => l.startsWith('LISTEN'))!.trim().split(/\s+/);
	return {accept: Number(cols[1]), backlog: Number(cols[2])};
}

const OVERFLOW = (abort: number) => `
server: { backlog: 1 }
sysctl: { tcp_abort_on_overflow: ${abort} }
steps:
  - drop: { from: client C, flags: [ACK], count: 1 }
  - server: listen
  - client A: connect
  - wait: 201ms
  - client C: connect
  - wait: 201ms
  - client B: connect
  - wait: 203ms
  - client D: connect
  - id: before-accept
    wait: 7555ms
  - server: accept all for 6457ms
  - client A: send 10
  - client C: send 10
  - client B: send 10
  - client D: send 10
  - wait: 505ms
  - client A: close
  - client C: close
  - client B: close
  - client D: close
  - server A: close
  - server B: close
  - server D: close
  - wait: 310ms
  - server: close listener
`;

describe('the accept queue matches real Linux 6.18', () => {
	it('accept-queue-overflow: ACKs ignored while it is full, SYNs dropped, a listener that closes resets who was never accepted', () => {
		const f = fixture('accept-queue-overflow');
		const scenario = scenarioFromYaml(OVERFLOW(0), 'overflow.yaml');
		expectSameConnections(f.segments, simSegments(run(scenario, 1)));
		// ss before accept(): two connections wait (backlog + 1), the backlog in force is 1.
		const w = startWorld(scenario, 1);
		for (const step of scenario.steps.slice(0, 10)) applyStep(w, step);
		const ss = ssListener(f, '8 s, before accept()');
		expect(queues(w)).toEqual({syn: 1, accept: ss.accept, backlog: ss.backlog}); // C's request is still in the SYN queue (SYN-RECV)
	});

	it('accept-queue-overflow-abort: with tcp_abort_on_overflow=1 the ACK that finds it full is answered with RST', () => {
		const f = fixture('accept-queue-overflow-abort');
		const trace = run(scenarioFromYaml(OVERFLOW(1), 'overflow-abort.yaml'), 1);
		expectSameConnections(f.segments, simSegments(trace));
		const send = trace.events.filter((e): e is CallEvent => e.type === 'call' && e.endpoint === 'client' && e.conn === 2 && e.call === 'send 10');
		expect(send[0]?.result, 'client C writes to a reset connection').toBe('ECONNRESET');
	});

	it('somaxconn: net.core.somaxconn caps listen(128); the fourth SYN is dropped', () => {
		const f = fixture('somaxconn');
		const scenario = scenarioFromYaml(`
sysctl: { somaxconn: 2 }
server: { backlog: 128 }
steps:
  - server: listen
  - client: connect
  - wait: 104ms
  - client 2: connect
  - wait: 109ms
  - client 3: connect
  - wait: 104ms
  - client 4: connect
  - wait: 600ms
  - client: abort
  - client 2: abort
  - client 3: abort
  - server: close listener
  - wait: 400ms
`, 'somaxconn.yaml');
		const w = startWorld(scenario, 1);
		for (const step of scenario.steps.slice(0, 9)) applyStep(w, step);
		const ss = ssListener(f, '0.9 s: the listener\'s queue');
		expect(queues(w)).toEqual({syn: 0, accept: ss.accept, backlog: ss.backlog});
		expect(w.eps.client.state, 'client 4').toBe('SYN-SENT');
		expectSameConnections(f.segments, simSegments(run(scenario, 1)));
	});
});

/** When the capture's application did something: the nth (from 0) event of that kind, in seconds. */
const when = (f: Fixture, who: string, event: string, nth = 0) => f.events.filter(e => e.who === who && e.event === event)[nth]?.t;
const ms = (s: number) => `${Math.max(0, Math.round(s * 1000))}ms`;

/** The tw-reuse captures' steps, with the waits their application made (each run's timing differs a little). */
function twReuse(f: Fixture, sysctl: string, client = ''): string {
	const connects = f.events.filter(e => e.who === 'client' && e.event === 'connect').map(e => e.t).slice(1);
	const serverClose = when(f, 'server', 'close')!;
	const steps = ['server: listen', 'client: connect', 'client: send 100', 'server: read', 'server: send 100', 'client: read', 'client: close',
		`wait: ${ms(serverClose - when(f, 'client', 'close')!)}`, 'server: close'];
	let t = serverClose;
	for (const c of connects) {
		steps.push(`wait: ${ms(c - t)}`, 'client: connect');
		t = c;
	}
	const [close2, serverClose2] = [when(f, 'client', 'close', 1), when(f, 'server', 'close', 1)];
	if (close2 !== undefined && serverClose2 !== undefined) steps.push(`wait: ${ms(close2 - t)}`, 'client: close', `wait: ${ms(serverClose2 - close2)}`, 'server: close');
	steps.push('wait: 1s');
	return `sysctl: { ${sysctl} }\n${client}steps:\n${steps.map(x => `  - ${x}`).join('\n')}\n`;
}

describe('connect() from a port in TIME-WAIT matches real Linux 6.18', () => {
	const results = (trace: Trace) => trace.events.filter((e): e is CallEvent => e.type === 'call' && e.endpoint === 'client' && e.call === 'connect').map(e => e.result);

	it('tw-reuse-0: the one port is in TIME-WAIT, both connect()s fail with EADDRNOTAVAIL and send nothing', () => {
		const f = fixture('tw-reuse-0');
		const trace = run(scenarioFromYaml(twReuse(f, 'tcp_tw_reuse: 0, ip_local_port_range: 41000 41000'), 'tw-reuse-0.yaml'), 1);
		expect(results(trace)).toEqual(['ok', 'EADDRNOTAVAIL', 'EADDRNOTAVAIL']);
		expect(f.events.filter(e => e.event === 'connect-failed').map(e => e.error)).toEqual(['EADDRNOTAVAIL', 'EADDRNOTAVAIL']);
		expectSameConnections(f.segments, simSegments(trace));
	});

	it.each([1, 2])('tw-reuse-%i: too soon after the last segment it fails; 1.5 s later the TIME-WAIT socket is taken over', reuse => {
		const f = fixture(`tw-reuse-${reuse}`);
		const trace = run(scenarioFromYaml(twReuse(f, `tcp_tw_reuse: ${reuse}, ip_local_port_range: 41000 41000`), `tw-reuse-${reuse}.yaml`), 1);
		expect(results(trace)).toEqual(['ok', 'EADDRNOTAVAIL', 'ok']);
		expectSameConnections(f.segments, simSegments(trace));
		// The new SYN's seq is the old connection's SND.NXT + 65537 (tcp_twsk_unique), as captured.
		const syns = trace.events.filter((e): e is SegmentEvent => e.type === 'segment' && e.from === 'client' && e.flags.includes('SYN'));
		const old = trace.events.filter((e): e is SegmentEvent => e.type === 'segment' && e.from === 'client' && e.conn === 1).at(-1)!;
		expect((syns[1]!.seq - old.seq) >>> 0).toBe(65537);
		expect(trace.events).toContainEqual(expect.objectContaining({type: 'state', endpoint: 'client', conn: 1, from: 'TIME-WAIT', to: 'CLOSED'}));
	});

	it('tw-reuse-bind: a port the client bound itself (SO_REUSEADDR) is taken over at once, even with tcp_tw_reuse=0', () => {
		const f = fixture('tw-reuse-bind');
		const trace = run(scenarioFromYaml(twReuse(f, 'tcp_tw_reuse: 0', 'client: { port: 41000 }\n'), 'tw-reuse-bind.yaml'), 1);
		expect(results(trace)).toEqual(['ok', 'ok']);
		expectSameConnections(f.segments, simSegments(trace));
	});

	it('tw-reuse without timestamps: nothing to tell old segments from new, so no port is taken over', () => {
		const trace = run(scenarioFromYaml(twReuse(fixture('tw-reuse-1'), 'tcp_tw_reuse: 1, tcp_timestamps: 0, ip_local_port_range: 41000 41000'), 'no-ts.yaml'), 1);
		expect(results(trace)).toEqual(['ok', 'EADDRNOTAVAIL', 'EADDRNOTAVAIL']);
	});
});

describe('a listener that restarts matches real Linux 6.18', () => {
	it('tw-listener-restart: the server\'s TIME-WAIT holds the port: listen() fails with EADDRINUSE, with SO_REUSEADDR it works', () => {
		const f = fixture('tw-listener-restart');
		const trace = run(scenarioFromYaml(`
steps:
  - server: listen
  - client: connect
  - client: send 100
  - server: read
  - server: send 100
  - client: read
  - server: close
  - wait: 103ms
  - client: close
  - wait: 25ms
  - server: close listener
  - server: listen
  - server: listen reuseaddr
  - wait: 100ms
  - client 2: connect
  - client 2: close
  - wait: 300ms
  - server: close listener
`, 'tw-listener-restart.yaml'), 1);
		const listens = trace.events.filter((e): e is CallEvent => e.type === 'call' && e.endpoint === 'server' && e.call.startsWith('listen')).map(e => `${e.call} → ${e.result}`);
		expect(listens).toEqual(['listen → ok', 'listen → EADDRINUSE', 'listen reuseaddr → ok']);
		const real = f.segments;
		const sim = simSegments(trace);
		expect(sim.map(line)).toEqual(real.map(s => line({...s, flags: s.flags.filter(x => x !== 'PSH')})));
	});
});
