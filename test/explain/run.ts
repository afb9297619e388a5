// explain in process, for tests: a capture file (or bytes) in, each connection's events out.
import {createReadStream} from 'node:fs';
import {Readable} from 'node:stream';
import {Splitter} from '../../src/explain/connections.js';
import {decode} from '../../src/explain/decode.js';
import type {ConnectionEvent, ExplainEvent} from '../../src/explain/events.js';
import {type ReadResult, readCapture} from '../../src/explain/pcap.js';
import type {State} from '../../src/sim/endpoint.js';
import type {TraceEvent} from '../../src/sim/trace.js';

export type Explained = {
	readonly connections: ConnectionEvent[];
	readonly events: ExplainEvent[];
	readonly result: ReadResult;
};

export async function explainBytes(input: string | Buffer, name = 'capture'): Promise<Explained> {
	const connections: ConnectionEvent[] = [];
	const events: ExplainEvent[] = [];
	const splitter = new Splitter((header, evs) => {
		if (!connections.includes(header)) connections.push(header);
		events.push(...evs);
	});
	const stream = typeof input === 'string' ? createReadStream(input) : Readable.from([input]);
	const result = await readCapture(stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>, name, f => {
		const p = decode(f);
		if (typeof p !== 'string') splitter.add(p);
	});
	splitter.finish();
	return {connections, events, result};
}

export type Chains = Record<number, {client: State[]; server: State[]}>;

/** Each connection's states per side, in order: the listener's LISTEN left out, repeats folded. */
export function chains(events: readonly (TraceEvent | ExplainEvent)[]): Chains {
	const out: Chains = {};
	for (const e of events) {
		if (e.type !== 'state' || e.conn === 0 || e.to === 'LISTEN') continue;
		const c = (out[e.conn] ??= {client: [], server: []});
		const list = c[e.endpoint];
		if (list.at(-1) !== e.to) list.push(e.to);
	}
	return out;
}
