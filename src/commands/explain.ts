// tcp-tutor explain FILE: a pcap or pcapng capture, split into connections, each side's state inferred
// by the simulator's own rules, drawn as the tutor's ladder (or printed as trace --json lines).
// Loaded by cli.tsx only when the command runs, so the menu's first frame never pays for it.
import {createReadStream} from 'node:fs';
import {fileProblem} from '../file-problem.js';
import {Splitter} from '../explain/connections.js';
import {decode} from '../explain/decode.js';
import {type ConnectionEvent, type ExplainEvent, explainJson} from '../explain/events.js';
import {drawConnection} from '../explain/draw.js';
import {readCapture} from '../explain/pcap.js';
import {InputError} from '../yaml-source.js';
import {type Args, UsageError} from './args.js';
import type {Io} from './io.js';

/** Half-open connections to one server that make a SYN flood worth naming. */
const FLOOD = 5;

export async function explainCommand(args: Args, io: Io, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
	const file = args.positionals[0];
	if (!file || args.positionals.length > 1) throw new UsageError('explain needs one capture file (pcap or pcapng; - reads standard input): tcp-tutor explain FILE [--json] [--absolute]');
	const name = file === '-' ? 'standard input' : file;
	const halfOpen = new Map<string, number>();
	const splitter = new Splitter((header, events, last) => {
		if (args.json) printJson(io, header, events, args.absolute);
		else drawConnection(io, header, events, {absolute: args.absolute, columns: io.columns});
		if (last && events.some(e => e.type === 'note' && e.lesson === 'syn-flood' && /half-open/.test(e.note))) {
			halfOpen.set(header.server, (halfOpen.get(header.server) ?? 0) + 1);
		}
	});
	let skipped = 0;
	const stream = file === '-' ? stdin : createReadStream(file, {highWaterMark: 1 << 18});
	let result;
	try {
		result = await readCapture(stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>, name, frame => {
			const p = decode(frame);
			if (typeof p === 'string') skipped++;
			else splitter.add(p);
		});
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError(name, undefined, 'capture', fileProblem(error, 'read'));
	}
	splitter.finish();
	for (const [server, n] of halfOpen) {
		if (n < FLOOD) continue;
		const text = `${n} half-open connections to ${server}: the pattern of a SYN flood (spoofed SYNs fill the SYN queue)`;
		if (args.json) io.out(JSON.stringify({type: 'note', t: splitter.seconds, endpoint: 'server', conn: 0, note: text, lesson: 'syn-flood'}));
		else io.out(`${text} · lesson syn-flood`);
	}
	for (const w of result.warnings) io.err(w);
	if (skipped > 0) io.err(`${name}: skipped ${skipped} of ${result.frames} frames that hold no TCP segment (other protocols, fragments, unknown link types)`);
	if (!args.json) io.out(`${result.format}: ${result.frames} frames, ${splitter.connections} TCP connection${splitter.connections === 1 ? '' : 's'}`);
	return 0;
}

function printJson(io: Io, header: ConnectionEvent, events: readonly ExplainEvent[], absolute: boolean): void {
	const lines = events.map(e => explainJson(e, absolute));
	if (!printed.has(header)) {
		printed.add(header);
		lines.unshift(explainJson(header, absolute));
	}
	if (lines.length > 0) io.out(lines.join('\n')); // one write a connection, not one a line
}

const printed = new WeakSet<ConnectionEvent>();
