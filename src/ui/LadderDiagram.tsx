// The ladder diagram in ink: ladderLines, one <Text> a line, never wider than the terminal.
// (Not "Ladder.tsx": next to ladder.ts that name resolves to the wrong file on case-insensitive file
// systems, and esbuild already mixes them up.)
import {Box, Text, useStdout} from 'ink';
import {useContext} from 'react';
import type {Side} from '../sim/segment.js';
import type {TraceEvent} from '../sim/trace.js';
import {type Unknown, ladderLines} from './ladder.js';
import {ColorContext} from './Tinted.js';
import {ladderWords} from './ladder-words.js';
import {useTexts} from './texts-context.js';

export type Props = {
	/** The events shown so far (a prefix of the trace). */
	readonly events: readonly TraceEvent[];
	/** Relative seq/ack numbers instead of absolute ones. */
	readonly relative: boolean;
	/** The segment being asked about, drawn as `?`; `from` omitted when the sender is the question. */
	readonly pending?: {readonly from?: Side};
	/** Keep only this many newest rows (default: all). */
	readonly maxRows?: number;
	/** Columns to use (default: the terminal's width, or 80). */
	readonly width?: number;
	/** From this index in `events` on, that side's state is not known to the learner (drawn `?`). */
	readonly unknown?: Unknown;
	/** Each event's index in the whole trace, when `events` leaves some out. */
	readonly indexes?: readonly number[];
	/** The connections' names, when the trace holds several (connectionNames). */
	readonly names?: ReadonlyMap<number, string>;
};

export function LadderDiagram({events, relative, pending, maxRows, width, unknown, indexes, names}: Props) {
	const {stdout} = useStdout();
	const color = useContext(ColorContext);
	const texts = useTexts();
	const columns = width ?? (stdout.columns || 80);
	const lines = ladderLines(events, {
		width: columns, relative, color, words: ladderWords(texts),
		...(pending ? {pending} : {}), ...(maxRows === undefined ? {} : {maxRows}), ...(unknown ? {unknown} : {}), ...(indexes ? {indexes} : {}), ...(names ? {names} : {}),
	});
	return (
		<Box flexDirection="column">
			{lines.map((line, i) => <Text key={i} wrap="truncate-end">{line || ' '}</Text>)}
		</Box>
	);
}
