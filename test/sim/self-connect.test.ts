// Simultaneous open against a real Linux capture: a self-connect on loopback
// (test/fixtures/captures/self-connect.txt, made by scripts/capture/self-connect.sh) is one socket
// in both roles, so it shows what each side of a simultaneous open sends: SYN, then SYN,ACK with
// the same seq, then a pure ACK (Linux tcp_data_queue: the SYN is old data → immediate ACK + D-SACK).
import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';

const TCPDUMP_FLAGS: Record<string, string> = {S: 'SYN', 'S.': 'ACK,SYN', '.': 'ACK', 'F.': 'ACK,FIN'};

it('each side of a simultaneous open sends what a Linux self-connect sends', () => {
	const lines = readFileSync(new URL('../fixtures/captures/self-connect.txt', import.meta.url), 'utf8').trim().split('\n');
	const isn = Number(/seq (\d+)/.exec(lines[0]!)![1]);
	const real = lines.slice(0, 3).map(l => {
		const flags = TCPDUMP_FLAGS[/Flags \[([^\]]+)\]/.exec(l)![1]!];
		const seq = /seq (\d+)/.exec(l)?.[1];
		const ack = /ack (\d+)/.exec(l)?.[1];
		// tcpdump leaves out the seq of a pure ACK: it is the next one, isn+1 here.
		return `${flags} ${seq === undefined ? 1 : Number(seq) - isn} ${ack === undefined ? '-' : Number(ack) - isn}`;
	});
	expect(real).toEqual(['SYN 0 -', 'ACK,SYN 0 1', 'ACK 1 1']);
	const trace = run(scenarioFromYaml('steps:\n  - together: [ { client: connect }, { server: connect } ]\n'), 3);
	const client = trace.events.flatMap(e => (e.type === 'segment' && e.from === 'client'
		? [`${e.flags.join(',')} ${e.rel.seq} ${e.rel.ack ?? '-'}`] : []));
	expect(client).toEqual(real);
});
