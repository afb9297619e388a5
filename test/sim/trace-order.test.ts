// The order of trace events at one instant: cause, then effect. An endpoint's own change of state
// is traced before the segment it sends because of it, so a reader of the trace (and the ladder,
// which is drawn in trace order) sees the segment leave from the new state (RFC 9293 Figure 13).
import {describe, expect, it} from 'vitest';
import type {State} from '../../src/sim/endpoint.js';
import {type TraceEvent, eventToJson} from '../../src/sim/trace.js';
import {playSteps} from './play.js';

const OPEN = ['server: listen', 'client: connect'];

/** "RST from client in CLOSED": each segment with its sender's state as traced before it. */
function sentFrom(events: readonly TraceEvent[]): string[] {
	const state: Record<string, State> = {client: 'CLOSED', server: 'CLOSED'};
	return events.flatMap(e => {
		if (e.type === 'state') state[e.endpoint] = e.to;
		return e.type === 'segment' ? [`${e.flags.filter(f => f !== 'PSH').join(',')} from ${e.from} in ${state[e.from]}`] : [];
	});
}

describe('a state change is traced before the segment sent because of it', () => {
	it.each([
		['FIN-WAIT-2 receiving FIN: the last ACK leaves from TIME-WAIT',
			[...OPEN, 'client: close', 'wait: 100ms', 'server: close'], 'ACK from client in TIME-WAIT'],
		['three-segment close: FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT, then the ACK',
			[...OPEN, 'client: close', 'server: close'], 'ACK from client in TIME-WAIT'],
		['abort (SO_LINGER 0): CLOSED, then the RST', [...OPEN, 'client: abort'], 'ACK,RST from client in CLOSED'],
		['close with unread data: CLOSED, then the RST',
			[...OPEN, 'client: send 100', 'server: close'], 'ACK,RST from server in CLOSED'],
		['data for an orphan in FIN-WAIT-2: CLOSED, then the RST',
			[...OPEN, 'client: close', 'wait: 100ms', 'server: send 100'], 'RST from client in CLOSED'],
	])('%s', (_name, steps, last) => {
		expect(sentFrom(playSteps(steps).events).at(-1)).toBe(last);
	});
});

describe('where a segment arrived', () => {
	const arrivals = (steps: readonly string[]) => {
		const events = playSteps(steps).events;
		return events.flatMap(e => (e.type === 'segment'
			? [`${e.from} ${e.flags.join(',')}: ${e.arrived === undefined ? 'never' : `${e.arrived - events.indexOf(e)} later`}`] : []));
	};

	it.each([
		['the handshake: each segment arrives right after it was sent', OPEN,
			['client SYN: 1 later', 'server ACK,SYN: 1 later', 'client ACK: 1 later']],
		['crossing SYNs: the first arrives after the second was sent', ['together: [ { client: connect }, { server: connect } ]'],
			['client SYN: 5 later', 'server SYN: 3 later', 'server ACK,SYN: 3 later', 'client ACK,SYN: 4 later', 'client ACK: 4 later', 'server ACK: 1 later']],
		['a lost segment never arrives', [...OPEN, 'drop: { from: client }', 'client: send 10'],
			['client SYN: 1 later', 'server ACK,SYN: 1 later', 'client ACK: 1 later', 'client ACK,PSH: never']],
	])('%s', (_name, steps, expected) => {
		expect(arrivals(steps)).toEqual(expected);
	});

	it('arrivals are the first event of the receiver\'s handling, and stay out of the JSON', () => {
		const events = playSteps(OPEN).events;
		const syn = events.find(e => e.type === 'segment')!;
		expect(syn.type === 'segment' && events[syn.arrived!]).toMatchObject({type: 'state', endpoint: 'server', to: 'SYN-RECEIVED'});
		expect(eventToJson(syn)).not.toContain('arrived');
	});
});
