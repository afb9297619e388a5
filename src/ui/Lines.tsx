// Lines already wrapped to the terminal's width (see player-view.ts), each in its tone.
import {Box} from 'ink';
import type {Line} from './player-view.js';
import {Tinted} from './Tinted.js';

export type Props = {
	/** The lines, in order. */
	readonly lines: readonly Line[];
};

export function Lines({lines}: Props) {
	if (lines.length === 0) return null;
	return (
		<Box flexDirection="column">
			{lines.map((l, i) => <Tinted key={i} {...(l.tone ? {tone: l.tone} : {})} bold={l.bold === true}>{l.text || ' '}</Tinted>)}
		</Box>
	);
}
