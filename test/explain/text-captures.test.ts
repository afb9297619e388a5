// The older loopback captures (test/fixtures/captures/*.json: recorded as tcpdump text, no pcap kept)
// written back into pcap files from their normalized segments, then explained: each side's chain of
// states must equal the simulator's run of the capture's scenario (which test/sim/capture.test.ts
// checks against the capture segment by segment).
import {readFileSync, readdirSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadLibraries} from '../../src/deferred.js';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';
import {chains, explainBytes} from './run.js';
import {type Seg, pcap} from './writer.js';

const dir = new URL('../fixtures/captures/', import.meta.url);
const names = readdirSync(dir).filter(f => f.endsWith('.scenario.yaml')).map(f => f.replace('.scenario.yaml', '')).sort();
const ISN = {client: 3_000_000_000, server: 77_000}; // the client's numbers wrap past 2^32 on the way

type Captured = {from: 'client' | 'server'; flags: string[]; seq: number; ack: number | null; len: number; t: number};

function toPcap(segments: readonly Captured[]): Buffer {
	const letters: Record<string, string> = {SYN: 'S', FIN: 'F', RST: 'R', PSH: 'P', ACK: '.'};
	const segs: Seg[] = segments.map(s => {
		const up = s.from === 'client';
		return {
			t: Math.round(s.t * 1e6), src: up ? '127.0.0.1' : '127.0.0.2', sport: up ? 34130 : 47101, dst: up ? '127.0.0.2' : '127.0.0.1', dport: up ? 47101 : 34130,
			seq: (s.seq + (up ? ISN.client : ISN.server)) >>> 0, ack: s.ack === null ? 0 : (s.ack + (up ? ISN.server : ISN.client)) >>> 0,
			flags: s.flags.map(f => letters[f] ?? '').join(''), len: s.len,
		};
	});
	return pcap(segs, 'raw');
}

describe('explain on the loopback captures kept as text', () => {
	beforeAll(() => loadLibraries());
	it.each(names)('%s', async n => {
		const capture = JSON.parse(readFileSync(new URL(`${n}.json`, dir), 'utf8')) as {segments: Captured[]};
		const trace = run(scenarioFromYaml(readFileSync(new URL(`${n}.scenario.yaml`, dir), 'utf8'), `${n}.scenario.yaml`), 7);
		const sim = chains(trace.events);
		const last = capture.segments.at(-1)!.t;
		for (const e of trace.events) if (e.type === 'state' && e.t > last + 0.05 && /^timer/.test(e.cause)) sim[e.conn]![e.endpoint].pop();
		const ex = await explainBytes(toPcap(capture.segments), `${n}.pcap`);
		expect(chains(ex.events)).toEqual(sim);
	});
});
