// What a segment's arrival did, in the words of the lesson that teaches it (lesson ids as in
// lessons/*.yaml), and what the capture leaves each side doing at its end.
import type {State} from '../sim/endpoint.js';
import {type Side, peerOf} from '../sim/segment.js';
import {type Model, note} from './model.js';
import type {Observation} from './observation.js';

const SYNCHRONIZED: readonly State[] = ['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK'];

export function arrivalNotes(m: Model, o: Observation, before: State): void {
	const side = peerOf(o.from);
	const after = m.tcb[side].state;
	const s = o.seg;
	const say = (text: string, lesson?: string) => note(m, side, text, lesson);
	if (before === 'SYN-RECEIVED' && after === 'ESTABLISHED') {
		say(s.len > 0 ? 'this data\'s ACK completes the handshake (the third segment was lost or not sent alone)' : 'three-way handshake complete',
			s.len > 0 ? 'lost-handshake' : 'handshake-numbers');
	} else if (before === 'SYN-SENT' && after === 'SYN-RECEIVED') {
		say('simultaneous open: both sides sent a SYN', 'simultaneous-open');
	} else if (before === 'FIN-WAIT-1' && after === 'CLOSING') {
		say('simultaneous close: the FINs crossed, both sides pass through CLOSING', 'simultaneous-close');
	} else if (after === 'TIME-WAIT' && before !== 'TIME-WAIT') {
		say('TIME-WAIT: the side that closed first waits 60 s (Linux) before its four-tuple is free', 'time-wait');
	} else if (before === 'TIME-WAIT' && after === 'TIME-WAIT' && s.ctl === 'FIN') {
		say('TIME-WAIT answers the FIN sent again: this is why it waits', 'lost-last-ack');
	} else if (before === 'TIME-WAIT' && s.ctl === 'RST' && after === 'CLOSED') {
		say('the RST ends TIME-WAIT early (RFC 1337\'s TIME-WAIT assassination; Linux tcp_rfc1337=0)', 'time-wait');
	} else if (before === 'TIME-WAIT' && s.ctl === 'SYN' && s.ack === null) {
		say('a new SYN for this four-tuple in TIME-WAIT', 'time-wait');
	} else if (s.ctl === 'RST' && after === 'CLOSED' && before !== 'CLOSED') {
		say(before === 'SYN-SENT' ? 'connection refused (ECONNREFUSED)' : 'the connection is reset (ECONNRESET): no TIME-WAIT', 'rst');
	} else if (before === 'ESTABLISHED' && after === 'CLOSE-WAIT') {
		say('CLOSE-WAIT: the peer is done sending; this side waits for its application to close()', 'close-wait');
	} else if (s.ctl === 'SYN' && s.ack === null && SYNCHRONIZED.includes(before)) {
		say('a SYN on an established connection: answered with a challenge ACK (RFC 5961)', 'why-three-handshakes');
	}
}

/** At the end of the capture (or before the connection is let go): states worth a word. */
export function endNotes(m: Model, atEnd: boolean): void {
	const when = atEnd ? 'the capture ends with' : 'last seen,';
	for (const side of ['client', 'server'] as Side[]) {
		const state = m.tcb[side].state;
		if (state === 'CLOSE-WAIT') note(m, side, `${when} the ${side} in CLOSE-WAIT: its application has not called close()`, 'close-wait');
		else if (state === 'SYN-RECEIVED') note(m, side, 'half-open: the SYN-ACK was never answered (a lost ACK, a spoofed source, a SYN flood)', 'syn-flood');
		else if (state === 'TIME-WAIT') note(m, side, `${when} the ${side} in TIME-WAIT`, 'time-wait');
	}
}
