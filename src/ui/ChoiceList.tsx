// A select list of answers (flags, states, client/server …), numbered as plain mode numbers them.
// Not ink-select-input: its window rotates (the last choices show above the first), so nothing can say
// what is above or below it; its digits pick from the visible window and act at once, so 10 and 11
// cannot be typed; and it ignores →. The logic is in choice-state.ts; this draws it and owns the pause.
import {Box, Text, useInput, useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {type ChoiceKey, FIRST, choiceRows, keysOf, pressChoice} from './choice-state.js';
import {useLatest} from './hooks/use-latest.js';
import {Tinted} from './Tinted.js';

/** How long a digit that can start a longer number (1 of 11: 10, 11) waits for the next one. */
export const DIGIT_PAUSE_MS = 800;

export type Props = {
	/** The choices, in order. */
	readonly choices: readonly string[];
	/** How many rows the list may take (it scrolls, saying how many choices are above and below). */
	readonly limit: number;
	/** Takes the keys (false while the key help is open). */
	readonly active: boolean;
	/** The chosen answer. */
	readonly onChoose: (choice: string) => void;
	/** The wait for a second digit, in ms. Default DIGIT_PAUSE_MS. */
	readonly pauseMs?: number;
};

export function ChoiceList({choices, limit, active, onChoose, pauseMs = DIGIT_PAUSE_MS}: Props) {
	const {isRawModeSupported} = useStdin();
	const [state, setState, getState] = useLatest(FIRST);
	const focused = isRawModeSupported === true && active;

	/** Apply keys in order on the newest state; the first choice made ends the chunk. */
	const apply = (keys: readonly ChoiceKey[]) => {
		for (const key of keys) {
			const step = pressChoice(getState(), key, choices.length, limit);
			setState(() => step.state);
			if (step.chosen !== undefined) {
				onChoose(choices[step.chosen]!);
				return;
			}
		}
	};

	const latestApply = useRef(apply);
	latestApply.current = apply;

	useInput((input, key) => {
		if (key.ctrl) return;
		apply(keysOf(input, key));
	}, {isActive: focused});

	// A digit waiting for a second one: chosen after the pause (a redraw meanwhile does not restart it),
	// forgotten when the list loses the keys (the help opened).
	useEffect(() => {
		if (!state.typed) return;
		if (!focused) {
			latestApply.current([{kind: 'other'}]);
			return;
		}
		const timer = setTimeout(() => latestApply.current([{kind: 'pause'}]), pauseMs);
		return () => clearTimeout(timer);
	}, [state.typed, focused, pauseMs]);

	return (
		<Box flexDirection="column">
			{choiceRows(state, choices, limit).map(row => (
				<Text key={row.index} wrap="truncate-end">
					<Tinted tone={row.selected ? 'accent' : undefined} bold={row.selected}>{row.text}</Tinted>
					{row.note ? <Tinted tone="accent">{`  ${row.note}`}</Tinted> : null}
				</Text>
			))}
		</Box>
	);
}
