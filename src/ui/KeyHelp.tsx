// The key help overlay (`?`). It also states the one rule that is easy to trip on: in a text field
// every key types, so the command letters need Esc first.
import {Box} from 'ink';
import {Tinted} from './Tinted.js';
import {ENGLISH, type MessageKey, type Texts} from '../i18n/texts.js';
import {padEnd, width as columns} from '../text-width.js';
import {clampLines, fit, wrapText} from './wrap.js';
import {useTexts} from './texts-context.js';

export type Props = {
	/** Columns available. */
	readonly width: number;
	/** Lines available. */
	readonly height: number;
};

/** The keys and what each does (catalogue keys of the words). */
export const KEYS: readonly (readonly [string, MessageKey])[] = [
	['Enter, →', 'help.enter'],
	['↑ ↓ (j k)', 'help.move'],
	['1 … 11', 'help.number'],
	['h', 'help.h'],
	['s', 'help.s'],
	['r', 'help.r'],
	['a', 'help.a'],
	['?', 'help.help'],
	['q, Esc', 'help.q'],
	['Ctrl+C', 'help.ctrlC'],
];

export function helpLines(width: number, {t}: Texts = ENGLISH): string[] {
	const keyWidth = Math.max(...KEYS.map(([k]) => columns(k))) + 2;
	const lines = [fit(t('help.title'), width)];
	for (const [k, what] of KEYS) {
		const wrapped = wrapText(t(what), Math.max(10, width - keyWidth - 2));
		wrapped.forEach((w, i) => lines.push(fit(`  ${padEnd(i === 0 ? k : '', keyWidth)}${w}`, width)));
	}
	lines.push(' ', ...wrapText(t('help.textFields'), width));
	return lines;
}

export function KeyHelp({width, height}: Props) {
	const lines = clampLines(helpLines(width, useTexts()), Math.max(1, height), width);
	return (
		<Box flexDirection="column">
			{lines.map((l, i) => <Tinted key={i} {...(i === 0 ? {tone: 'title' as const} : {})} bold={i === 0}>{l}</Tinted>)}
		</Box>
	);
}
