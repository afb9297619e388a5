// Text with a meaning-named colour, drawn only when colour is on (NO_COLOR, --no-color turn it off):
// components say "good", never "green", and never rely on the colour alone.
import {Text} from 'ink';
import {type ReactNode, createContext, useContext} from 'react';
import {safeText} from '../safe-text.js';

/** Whether colours are drawn; provided once by <App>. */
export const ColorContext = createContext(false);

export type Tone = 'good' | 'bad' | 'warn' | 'accent' | 'dim' | 'title';

const COLORS: Record<Tone, string | undefined> = {good: 'green', bad: 'red', warn: 'yellow', accent: 'cyan', dim: 'gray', title: undefined};

export type Props = {
	/** What the text means; its colour follows (none when colour is off). */
	readonly tone?: Tone;
	/** Bold (kept without colour: it is not a colour). Default false. */
	readonly bold?: boolean;
	/** The text. */
	readonly children?: ReactNode;
};

export function Tinted({tone, bold = false, children}: Props) {
	const color = useContext(ColorContext);
	const c = color && tone ? COLORS[tone] : undefined;
	// The ink front end's edge: every prose string it draws passes here (the ladder draws only trace values).
	const text = typeof children === 'string' ? safeText(children) : children;
	return <Text wrap="truncate-end" bold={bold || (color && tone === 'title')} {...(c ? {color: c} : {})}>{text}</Text>;
}
