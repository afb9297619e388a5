// One connection as the tutor's ladder diagram (src/ui/ladder.ts), with each note written in full
// under the row of the segment it explains, and the lesson that teaches it.
import type {Io} from '../commands/io.js';
import {ladderLinesOfRows} from '../ui/ladder.js';
import {ladderRows} from '../ui/ladder-rows.js';
import type {ConnectionEvent, ExplainEvent, ExplainNote} from './events.js';

export type DrawOptions = {readonly absolute: boolean; readonly columns: number};

const headed = new WeakSet<ConnectionEvent>();

export function drawConnection(io: Io, header: ConnectionEvent, events: readonly ExplainEvent[], o: DrawOptions): void {
	const lines = connectionLines(events, o);
	if (!headed.has(header)) {
		headed.add(header);
		lines.unshift('', `connection ${header.conn}: client ${header.client} → server ${header.server}${header.midConnection ? ' (the capture starts mid-connection)' : ''}`);
	}
	io.out(lines.join('\n')); // one write a connection, not one a line
}

/** The ladder's lines with the notes placed under their rows. */
export function connectionLines(events: readonly ExplainEvent[], o: DrawOptions): string[] {
	const drawn: ExplainEvent[] = [];
	const notesAfter = new Map<number, ExplainNote[]>(); // by the index (in `drawn`) of the event a note follows
	for (const e of events) {
		if (e.type === 'note') {
			const at = drawn.length - 1;
			notesAfter.set(at, [...(notesAfter.get(at) ?? []), e]);
		} else drawn.push(e);
	}
	const width = Math.max(40, o.columns);
	const rows = ladderRows(drawn);
	const lines = ladderLinesOfRows(rows, {width, relative: !o.absolute, color: false, time: true});
	const out = [lines[0]!];
	let next = -1; // notes up to this index of `drawn` are written
	const flush = (upto: number) => {
		for (let k = next + 1; k <= upto; k++) for (const n of notesAfter.get(k) ?? []) out.push(...noteLines(n, width));
		next = Math.max(next, upto);
	};
	flush(-1);
	rows.forEach((row, i) => {
		out.push(lines[i + 1]!);
		flush((rows[i + 1]?.at ?? drawn.length) - 1); // the row's own effects come before the next row
	});
	flush(drawn.length - 1);
	return out;
}

/** `    ↳ client: what it is · lesson ID`, wrapped at word boundaries to `width`. */
function noteLines(n: ExplainNote, width: number): string[] {
	const indent = '          ';
	const text = `↳ ${n.endpoint}: ${n.note}${n.lesson ? ` · lesson ${n.lesson}` : ''}`;
	const out: string[] = [];
	let line = indent;
	let filled = false; // line.trim() !== '', kept as words are added rather than trimming the line for each word
	for (const word of text.split(' ')) {
		if (line.length + word.length + 1 > width && filled) {
			out.push(line.trimEnd());
			line = `${indent}  `;
			filled = false;
		}
		line += `${word} `;
		filled ||= word.trim() !== '';
	}
	out.push(line.trimEnd());
	return out;
}
