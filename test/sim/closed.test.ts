// CLOSED (RFC 9293 3.10.7.1): no TCB; every segment but an RST is answered with an RST.
import {describe, expect, it} from 'vitest';
import {act, closed, out, recv, result, seg, tick, timeWait} from './fixtures.js';

describe('CLOSED', () => {
	it.each([
		['SYN', seg({seq: 1000, ctl: 'SYN'}), out.rstAck(0, 1001)],
		['data, no ACK', seg({seq: 1000, len: 10}), out.rstAck(0, 1010)],
		['FIN, no ACK', seg({seq: 1000, ctl: 'FIN'}), out.rstAck(0, 1001)],
		['data with FIN, no ACK', seg({seq: 1000, len: 10, ctl: 'FIN'}), out.rstAck(0, 1011)],
		['ACK', seg({seq: 1000, ack: 4242}), out.rst(4242)],
		['data with ACK', seg({seq: 1000, ack: 4242, len: 10}), out.rst(4242)],
		['FIN,ACK', seg({seq: 1000, ack: 4242, ctl: 'FIN'}), out.rst(4242)],
		['SYN,ACK', seg({seq: 1000, ack: 4242, ctl: 'SYN'}), out.rst(4242)],
	])('%s → exactly one reset', (_, s, expected) => {
		const h = closed('server');
		expect(recv(h, s)).toEqual([expected]);
		expect(h.tcb.state).toBe('CLOSED');
	});

	it.each([
		['RST', seg({seq: 1000, ctl: 'RST'})],
		['RST,ACK', seg({seq: 1000, ack: 5, ctl: 'RST'})],
	])('%s is never answered', (_, s) => {
		expect(recv(closed('server'), s)).toEqual([]);
	});

	it('a TCB closed after TIME-WAIT answers like any CLOSED one', () => {
		const h = timeWait();
		tick(h, 60_000_000);
		expect(recv(h, seg({seq: 5001, ack: 1002, ctl: 'FIN'}))).toEqual([out.rst(1002)]);
	});

	it.each([
		['read', 'ENOTCONN'],
		['send', 'EPIPE'],
		['shutdown', 'ENOTCONN'],
		['close', 'ok'],
	] as const)('%s() on a CLOSED socket returns %s and sends nothing', (name, expected) => {
		const h = closed('client');
		expect(act(h, name === 'send' ? {name, bytes: 10} : name)).toEqual([]);
		expect(result(h)).toBe(expected);
	});

	it('stays silent as time passes', () => {
		expect(tick(closed('client'), 3600_000_000)).toEqual([]);
	});
});
