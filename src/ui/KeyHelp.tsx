// The key help overlay (`?`). It also states the one rule that is easy to trip on: in a text field
// every key types, so the command letters need Esc first.
import {Box} from 'ink';
import {Tinted} from './Tinted.js';
import {clampLines, fit, wrapText} from './wrap.js';

export type Props = {
	/** Columns available. */
	readonly width: number;
	/** Lines available. */
	readonly height: number;
};

export const KEYS: readonly (readonly [string, string])[] = [
	['Enter, →', 'continue, or choose the highlighted answer; while segments play on their own, jump to the next question'],
	['↑ ↓ (j k)', 'move in a list of answers'],
	['1 … 11', 'pick an answer by number (10, 11: both digits)'],
	['h', 'next hint (earlier hints stay on screen)'],
	['s', 'show the answer (asks first; it scores nothing)'],
	['r', 'seq/ack numbers: relative ⇄ absolute'],
	['a', 'the story: TCP view ⇄ analogy'],
	['?', 'this help'],
	['q, Esc', 'back to the menu (progress is saved)'],
	['Ctrl+C', 'quit the tutor (progress is saved)'],
];

const TEXT_FIELDS = 'In a text field (numbers, durations) h s r a q and Esc work while it is empty: no answer starts with them. Once you type, every key types: Enter answers, Esc clears. ? always shows this help.';

export function helpLines(width: number): string[] {
	const keyWidth = Math.max(...KEYS.map(([k]) => k.length)) + 2;
	const lines = [fit('Keys (any key closes this help)', width)];
	for (const [k, what] of KEYS) {
		const wrapped = wrapText(what, Math.max(10, width - keyWidth - 2));
		wrapped.forEach((w, i) => lines.push(fit(`  ${(i === 0 ? k : '').padEnd(keyWidth)}${w}`, width)));
	}
	lines.push(' ', ...wrapText(TEXT_FIELDS, width));
	return lines;
}

export function KeyHelp({width, height}: Props) {
	const lines = clampLines(helpLines(width), Math.max(1, height), width);
	return (
		<Box flexDirection="column">
			{lines.map((l, i) => <Tinted key={i} {...(i === 0 ? {tone: 'title' as const} : {})} bold={i === 0}>{l}</Tinted>)}
		</Box>
	);
}
