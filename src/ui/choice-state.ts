// The choice list's logic without ink (tested alone): a window that scrolls, never rotates, so what
// is above and below it can be counted; numbers that pick from the whole list as plain mode numbers
// it; and two-digit numbers: a digit that can start a longer number waits for the next one.
import {width} from '../text-width.js';

export type ChoiceState = {
	/** The highlighted choice (index in the whole list). */
	readonly highlight: number;
	/** The first choice in the window (kept in range by windowOf). */
	readonly top: number;
	/** Digits typed that may still grow into a longer number ("1" while 10 and 11 exist); '' when none. */
	readonly typed: string;
};

export type ChoiceKey =
	| {readonly kind: 'up' | 'down' | 'choose' | 'pause' | 'other'}
	| {readonly kind: 'digit'; readonly digit: string};

export type ChoiceStep = {readonly state: ChoiceState; readonly chosen?: number};

export const FIRST: ChoiceState = {highlight: 0, top: 0, typed: ''};

/** The window of `rows` choices that shows the highlight, and how many choices lie above and below it. */
export function windowOf(s: ChoiceState, count: number, rows: number): {top: number; rows: number; above: number; below: number} {
	const r = Math.max(1, Math.min(rows, count));
	const top = Math.max(0, Math.min(s.top, count - r, s.highlight), s.highlight - r + 1);
	return {top, rows: r, above: top, below: count - top - r};
}

const at = (s: ChoiceState, highlight: number, count: number, rows: number): ChoiceState => {
	const moved = {...s, highlight, typed: ''};
	return {...moved, top: windowOf(moved, count, rows).top};
};

/** One key: the new state, and the index of the choice chosen, if one was. */
export function pressChoice(s: ChoiceState, key: ChoiceKey, count: number, rows: number): ChoiceStep {
	switch (key.kind) {
		case 'up': return {state: at(s, (s.highlight - 1 + count) % count, count, rows)};
		case 'down': return {state: at(s, (s.highlight + 1) % count, count, rows)};
		case 'choose':
		case 'pause':
			if (s.typed) return {state: {...s, typed: ''}, chosen: Number(s.typed) - 1};
			return key.kind === 'choose' ? {state: s, chosen: s.highlight} : {state: s};
		case 'other': return {state: {...s, typed: ''}};
		case 'digit': {
			// A digit that cannot continue the number typed so far starts a new one ("1" then "5" is 5 of 11).
			const longer = s.typed + key.digit;
			const typed = Number(longer) <= count ? longer : key.digit;
			const n = Number(typed);
			if (typed.startsWith('0') || n < 1 || n > count) return {state: {...s, typed: ''}};
			if (n * 10 > count) return {state: at(s, n - 1, count, rows), chosen: n - 1}; // no longer number exists
			return {state: {...at(s, n - 1, count, rows), typed}};
		}
	}
}

/** The keys in a chunk of input (a fast typist's "11" or "1\r" arrive together), or undefined for a key that is not ours. */
export function keysOf(input: string, key: {upArrow: boolean; downArrow: boolean; return: boolean; rightArrow: boolean}): ChoiceKey[] {
	if (key.upArrow || input === 'k') return [{kind: 'up'}];
	if (key.downArrow || input === 'j') return [{kind: 'down'}];
	if (key.return || key.rightArrow) return [{kind: 'choose'}];
	if (/^[0-9\r]+$/.test(input)) return [...input].map(c => (c === '\r' ? {kind: 'choose'} : {kind: 'digit', digit: c}));
	return [{kind: 'other'}];
}

export type ChoiceRow = {
	/** The choice's index in the whole list. */
	readonly index: number;
	/** "❯ 2) SYN,ACK" or "  2) SYN,ACK", padded so that notes line up. */
	readonly text: string;
	readonly selected: boolean;
	/** "↑ 2 more", "↓ 6 more", or what a typed digit waits for; '' when none. */
	readonly note: string;
};

/** The rows to draw: numbered as plain mode numbers them, with what lies outside the window. */
export function choiceRows(s: ChoiceState, choices: readonly string[], rows: number): ChoiceRow[] {
	const w = windowOf(s, choices.length, rows);
	const numberWidth = String(choices.length).length;
	const labelWidth = Math.max(...choices.map(c => width(c)));
	const out: ChoiceRow[] = [];
	for (let i = w.top; i < w.top + w.rows; i++) {
		const selected = i === s.highlight;
		const notes: string[] = [];
		if (selected && s.typed) {
			const lo = Number(s.typed) * 10;
			const hi = Math.min(choices.length, lo + 9);
			notes.push(`${s.typed}…  Enter, or a second digit for ${lo === hi ? lo : `${lo}–${hi}`}`);
		}
		if (i === w.top && w.above > 0) notes.push(`↑ ${w.above} more`);
		if (i === w.top + w.rows - 1 && w.below > 0) notes.push(`↓ ${w.below} more`);
		const label = choices[i]!;
		const text = `${selected ? '❯' : ' '} ${`${i + 1})`.padStart(numberWidth + 1)} ${label}`;
		out.push({index: i, text: notes.length ? `${text}${' '.repeat(labelWidth - width(label))}` : text, selected, note: notes.join(' · ')});
	}
	return out;
}
