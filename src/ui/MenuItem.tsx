// One menu line for SelectInput's itemComponent: the group header above the first lesson of a
// topic, the pointer (drawn here, since the header makes the item two lines high), title and state.
import {Box, Text} from 'ink';
import {fit, width as columns} from '../text-width.js';
import type {MenuLine} from './menu-items.js';
import {Tinted} from './Tinted.js';

export type Props = {
	/** The line to draw. */
	readonly line: MenuLine;
	/** Highlighted in the list. */
	readonly isSelected: boolean;
	/** Columns available. */
	readonly width: number;
};

export function MenuItem({line, isSelected, width}: Props) {
	const room = Math.max(0, width - 2);
	const status = columns(line.status) + 14 <= room ? line.status : '';
	const title = fit(line.title, Math.max(0, room - (status ? columns(status) + 2 : 0)));
	const gap = Math.max(status ? 2 : 0, room - columns(title) - columns(status));
	return (
		<Box flexDirection="column">
			{line.header ? <Tinted tone="title" bold>{fit(line.header, width)}</Tinted> : null}
			<Text wrap="truncate-end">
				<Tinted tone="accent">{isSelected ? '❯ ' : '  '}</Tinted>
				<Tinted bold={isSelected}>{title}</Tinted>
				{' '.repeat(gap)}
				<Tinted tone={line.done && !line.inProgress ? 'good' : line.inProgress ? 'warn' : 'dim'}>{status}</Tinted>
			</Text>
		</Box>
	);
}
