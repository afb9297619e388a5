// What explain prints: the trace events of src/sim/trace.ts (segment, state, note), each with its
// connection's "conn", and a line that opens each connection. The JSON form is trace --json's.
import {type CallEvent, type NoteEvent, type SegmentEvent, type StateEvent, eventToJson} from '../sim/trace.js';

/** A note that names what a segment is, and the lesson that teaches it. */
export type ExplainNote = NoteEvent & {readonly lesson?: string};

export type ConnectionEvent = {
	readonly type: 'connection';
	readonly conn: number;
	readonly client: string;
	readonly server: string;
	/** The capture starts after this connection's handshake: who is the client is a guess (the higher port). */
	readonly midConnection?: boolean;
};

/** `call` events are the application calls the capture implies (their result is "inferred"). */
export type ExplainEvent = SegmentEvent | StateEvent | CallEvent | ExplainNote;

/** One line of `explain --json`: relative seq/ack unless `absolute`. */
export function explainJson(e: ExplainEvent | ConnectionEvent, absolute: boolean): string {
	if (e.type === 'connection') return JSON.stringify(e);
	return eventToJson(e, !absolute);
}

/** "ADDR:PORT", with an IPv6 address in brackets (RFC 3986). */
export function endpointText(addr: string, port: number): string {
	return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
}
