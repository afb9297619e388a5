// Scenario-level paths through the closing of a connection: every segment (flags, seq, ack, len, fate) and state.
import {describe, expect, it} from 'vitest';
import {calls, from, playSteps, states, timers, wire} from './play.js';

const OPEN = ['server: listen', 'client: connect'];
const HANDSHAKE = 3;
const closeOf = (t: ReturnType<typeof playSteps>) => wire(t.events).slice(HANDSHAKE);

describe('simultaneous close', () => {
	const t = playSteps([...OPEN, 'together: [ { client: close }, { server: close } ]', 'wait: 61s']);

	it('the FINs cross; each side ACKs the other FIN', () => {
		expect(closeOf(t)).toEqual([
			'0s C→S ACK,FIN seq=1001 ack=5001',
			'0s S→C ACK,FIN seq=5001 ack=1001',
			'0s S→C ACK seq=5002 ack=1002',
			'0s C→S ACK seq=1002 ack=5002',
		]);
	});

	it('both sides go FIN-WAIT-1 → CLOSING → TIME-WAIT → CLOSED', () => {
		expect(states(from(t, 2))).toEqual([
			'0s client ESTABLISHED→FIN-WAIT-1 (close)',
			'0s server ESTABLISHED→FIN-WAIT-1 (close)',
			'0s server FIN-WAIT-1→CLOSING (recv FIN)',
			'0s client FIN-WAIT-1→CLOSING (recv FIN)',
			'0s client CLOSING→TIME-WAIT (recv ACK of FIN)',
			'0s server CLOSING→TIME-WAIT (recv ACK of FIN)',
			// Both due at once: the timer set last runs first (Linux's timer wheel adds to the head of a bucket).
			'60s server TIME-WAIT→CLOSED (timer time-wait)',
			'60s client TIME-WAIT→CLOSED (timer time-wait)',
		]);
	});
});

describe('the last ACK is lost', () => {
	const steps = [...OPEN, 'client: close', 'drop: { from: client, flags: [ACK], count: 1 }', 'server: close', 'wait: 300s'];

	it('linux: LAST-ACK resends its FIN after 200 ms; TIME-WAIT ACKs again and restarts 2 MSL', () => {
		const t = playSteps(steps);
		expect(closeOf(t)).toEqual([
			'0s C→S ACK,FIN seq=1001 ack=5001',
			'0s S→C ACK,FIN seq=5001 ack=1002',
			'0s C→S ACK seq=1002 ack=5002 dropped',
			'0.204s S→C ACK,FIN seq=5001 ack=1002',
			'0.204s C→S ACK seq=1002 ack=5002',
		]);
		expect(timers(t.events, 'client', 'time-wait')).toEqual(['0s set time-wait 60s', '0.204s stop time-wait', '0.204s set time-wait 60s', '60.204s fire time-wait']);
		expect(states(from(t, 4))).toEqual([
			'0s server CLOSE-WAIT→LAST-ACK (close)',
			'0s client FIN-WAIT-1→FIN-WAIT-2 (recv ACK of FIN)',
			'0s client FIN-WAIT-2→TIME-WAIT (recv FIN)',
			'0.204s server LAST-ACK→CLOSED (recv ACK of FIN)',
			'60.204s client TIME-WAIT→CLOSED (timer time-wait)',
		]);
	});

	it('textbook: the FIN comes back after 1 s; CLOSED 240 s after the second ACK', () => {
		const t = playSteps(steps, ['profile: textbook']);
		expect(closeOf(t)).toEqual([
			'0s C→S ACK,FIN seq=1001 ack=5001',
			'0s S→C ACK seq=5001 ack=1002',
			'0s S→C ACK,FIN seq=5001 ack=1002',
			'0s C→S ACK seq=1002 ack=5002 dropped',
			'1s S→C ACK,FIN seq=5001 ack=1002',
			'1s C→S ACK seq=1002 ack=5002',
		]);
		expect(states(t.events, 'client').at(-1)).toBe('241s client TIME-WAIT→CLOSED (timer time-wait)');
	});
});

describe('a passive closer that never calls close', () => {
	const t = playSteps([...OPEN, 'client: close', 'wait: 5m', 'server: close']);

	it('CLOSE-WAIT stays; the orphaned FIN-WAIT-2 times out silently after 60 s', () => {
		expect(t.steps[3]!.states).toEqual({client: 'CLOSED', server: 'CLOSE-WAIT'});
		expect(states(from(t, 2), 'client')).toEqual([
			'0s client ESTABLISHED→FIN-WAIT-1 (close)',
			'0.004s client FIN-WAIT-1→FIN-WAIT-2 (recv ACK of FIN)',
			'60.004s client FIN-WAIT-2→CLOSED (timer fin-wait-2)',
		]);
	});

	it('the FIN sent at last is answered with RST', () => {
		expect(closeOf(t)).toEqual([
			'0s C→S ACK,FIN seq=1001 ack=5001',
			'0.004s S→C ACK seq=5001 ack=1002',
			'300s S→C ACK,FIN seq=5001 ack=1002',
			'300s C→S RST seq=1002',
		]);
		expect(states(from(t, 4), 'server')).toEqual(['300s server CLOSE-WAIT→LAST-ACK (close)', '300s server LAST-ACK→CLOSED (recv RST)']);
	});
});

describe('three segments or four', () => {
	const data = [...OPEN, 'client: send 100', 'server: read', 'client: close'];
	const fin = ['0s C→S ACK,PSH seq=1001 ack=5001 len=100', '0s S→C ACK seq=5001 ack=1101', '0s C→S ACK,FIN seq=1101 ack=5001'];

	it('linux, server closes at once: its FIN carries the delayed ACK (3 segments)', () => {
		expect(closeOf(playSteps([...data, 'server: close']))).toEqual([...fin,
			'0s S→C ACK,FIN seq=5001 ack=1102', '0s C→S ACK seq=1102 ack=5002']);
	});

	it('linux, server closes 300 ms later: the 40 ms delayed ACK goes first (4 segments)', () => {
		expect(closeOf(playSteps([...data, 'wait: 300ms', 'server: close']))).toEqual([...fin,
			'0.04s S→C ACK seq=5001 ack=1102', '0.3s S→C ACK,FIN seq=5001 ack=1102', '0.3s C→S ACK seq=1102 ack=5002']);
	});

	it.each([[[]], [['wait: 300ms']]])('textbook: always 4 segments (%j)', wait => {
		const at = wait.length > 0 ? '0.3s' : '0s';
		expect(closeOf(playSteps([...data, ...wait, 'server: close'], ['profile: textbook']))).toEqual([...fin,
			'0s S→C ACK seq=5001 ack=1102', `${at} S→C ACK,FIN seq=5001 ack=1102`, `${at} C→S ACK seq=1102 ack=5002`]);
	});
});

describe('resets instead of FINs', () => {
	it('close with unread data sends RST,ACK and no FIN; nobody enters TIME-WAIT', () => {
		const t = playSteps([...OPEN, 'client: send 100', 'server: close', 'wait: 5m', 'client: read']);
		expect(closeOf(t)).toEqual(['0s C→S ACK,PSH seq=1001 ack=5001 len=100', '0s S→C ACK seq=5001 ack=1101', '0s S→C ACK,RST seq=5001 ack=1101']);
		expect(states(from(t, 3))).toEqual(['0s server ESTABLISHED→CLOSED (close with unread data)', '0s client ESTABLISHED→CLOSED (recv RST)']);
		expect(calls(t.events, 'client').at(-1)).toBe('read → ECONNRESET');
	});

	it('abort sends RST,ACK; no FIN, no TIME-WAIT', () => {
		const t = playSteps([...OPEN, 'client: abort', 'wait: 5m']);
		expect(closeOf(t)).toEqual(['0s C→S ACK,RST seq=1001 ack=5001']);
		expect(states(from(t, 2))).toEqual(['0s client ESTABLISHED→CLOSED (abort)', '0s server ESTABLISHED→CLOSED (recv RST)']);
	});

	it('data for an orphaned FIN-WAIT-2 is answered with RST', () => {
		const t = playSteps([...OPEN, 'client: close', 'wait: 100ms', 'server: send 100']);
		expect(closeOf(t)).toEqual([
			'0s C→S ACK,FIN seq=1001 ack=5001',
			'0.004s S→C ACK seq=5001 ack=1002',
			'0.1s S→C ACK,PSH seq=5001 ack=1002 len=100',
			'0.1s C→S RST seq=1002',
		]);
		expect(states(from(t, 4))).toEqual(['0.1s client FIN-WAIT-2→CLOSED (data after close)', '0.1s server CLOSE-WAIT→CLOSED (recv RST)']);
	});
});

describe('half-close with shutdown', () => {
	const t = playSteps([...OPEN, 'client: shutdown', 'server: send 200', 'client: read', 'server: send 300', 'client: read',
		'server: close', 'client: read', 'wait: 61s']);

	it('the client keeps receiving in FIN-WAIT-2 until the server closes', () => {
		expect(closeOf(t)).toEqual([
			'0s C→S ACK,FIN seq=1001 ack=5001',
			'0s S→C ACK,PSH seq=5001 ack=1002 len=200',
			'0s C→S ACK seq=1002 ack=5201',
			'0s S→C ACK,PSH seq=5201 ack=1002 len=300',
			'0s C→S ACK seq=1002 ack=5501',
			'0s S→C ACK,FIN seq=5501 ack=1002',
			'0s C→S ACK seq=1002 ack=5502',
		]);
		expect(calls(t.events, 'client')).toEqual(['connect → ok', 'shutdown → ok', 'read → 200', 'read → 300', 'read → EOF']);
	});

	it('client: FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT → CLOSED; no fin-wait-2 timer (not an orphan)', () => {
		expect(states(from(t, 2), 'client')).toEqual([
			'0s client ESTABLISHED→FIN-WAIT-1 (shutdown)',
			'0s client FIN-WAIT-1→FIN-WAIT-2 (recv ACK of FIN)',
			'0s client FIN-WAIT-2→TIME-WAIT (recv FIN)',
			'60s client TIME-WAIT→CLOSED (timer time-wait)',
		]);
		expect(timers(t.events, 'client', 'fin-wait-2')).toEqual([]);
	});
});
