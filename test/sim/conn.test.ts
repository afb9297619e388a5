// The trace names the connection each event belongs to ("conn"): 1 for the scenario's first, 2 for the
// next …, the same number on both ends; 0 for a listener; an injected segment gets a number of its own.
import {describe, expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';
import type {TraceEvent} from '../../src/sim/trace.js';

const play = (steps: readonly string[]) => run(scenarioFromYaml(`steps:\n${steps.map(s => `  - ${s}`).join('\n')}\n`, 'conn.yaml'), 1).events;
const conns = (events: readonly TraceEvent[], type: TraceEvent['type']) =>
	events.flatMap(e => (e.type === type && 'conn' in e ? [`${e.type === 'segment' ? `${e.from} ${e.flags.join(',')}` : e.type === 'state' ? `${e.endpoint} ${e.to}` : e.endpoint} #${e.conn}`] : []));

describe('conn', () => {
	it('a listener is 0; the handshake and everything after it is connection 1 on both ends', () => {
		const events = play(['server: listen', 'client: connect', 'client: close', 'server: close']);
		expect(conns(events, 'state')).toEqual([
			'server LISTEN #0', 'client SYN-SENT #1', 'server SYN-RECEIVED #1', 'client ESTABLISHED #1', 'server ESTABLISHED #1',
			'client FIN-WAIT-1 #1', 'server CLOSE-WAIT #1', 'server LAST-ACK #1', 'client FIN-WAIT-2 #1', 'client TIME-WAIT #1', 'server CLOSED #1',
		]);
		expect(new Set(events.flatMap(e => (e.type === 'segment' ? [e.conn] : [])))).toEqual(new Set([1]));
	});

	it('a second connect() is connection 2, from a new port: the server\'s TIME-WAIT of connection 1 stays', () => {
		const events = play(['server: listen', 'client: connect', 'server: close', 'client: close', 'wait: 1s', 'client: connect']);
		expect(conns(events, 'state').slice(-4)).toEqual(['client SYN-SENT #2', 'server SYN-RECEIVED #2', 'client ESTABLISHED #2', 'server ESTABLISHED #2']);
		expect(conns(events, 'state').filter(s => s.startsWith('server TIME-WAIT'))).toEqual(['server TIME-WAIT #1']);
		expect(conns(events, 'state')).not.toContain('server CLOSED #1');
	});

	it('from the same (bound) port, the SYN of connection 2 meets connection 1\'s TIME-WAIT and ends it', () => {
		const events = run(scenarioFromYaml(`client: { port: 41000 }\nsteps:\n${['server: listen', 'client: connect', 'server: close', 'client: close', 'wait: 1s', 'client: connect'].map(s => `  - ${s}`).join('\n')}\n`, 'conn.yaml'), 1).events;
		expect(conns(events, 'state').slice(-5)).toEqual([
			'client SYN-SENT #2', 'server CLOSED #1', 'server SYN-RECEIVED #2', 'client ESTABLISHED #2', 'server ESTABLISHED #2',
		]);
	});

	it('a closed port answers for the connection that knocked; an injected old SYN is a connection of its own', () => {
		const refused = play(['client: connect']);
		expect(conns(refused, 'segment')).toEqual(['client SYN #1', 'server ACK,RST #1']);
		const old = play(['server: listen', 'inject: { from: client, flags: [SYN], seq: 900 }', 'client: connect']);
		expect(conns(old, 'segment')[0]).toBe('client SYN #1');
		expect(old.find(e => e.type === 'segment' && e.from === 'client' && e.flags.includes('SYN') && e.seq !== 900)).toMatchObject({conn: 2});
	});

	it('a simultaneous open is one connection: both ends connect at once and share its number', () => {
		const events = play(['together: [ {client: connect}, {server: connect} ]']);
		expect(new Set(events.flatMap(e => (e.type === 'segment' || e.type === 'state' ? [e.conn] : [])))).toEqual(new Set([1]));
	});

	it('the JSON trace carries it', () => {
		const events = play(['server: listen', 'client: connect']);
		expect(JSON.stringify(events.find(e => e.type === 'segment'))).toContain('"conn":1');
	});
});
