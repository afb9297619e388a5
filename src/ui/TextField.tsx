// A text field for numbers and durations (ink-text-input) under its label. Without colour the
// inverse-video cursor becomes a plain "_" so that no escape sequence is drawn.
import {Box, Text, useStdin} from 'ink';
import TextInput from 'ink-text-input';
import {useContext} from 'react';
import {ColorContext, Tinted} from './Tinted.js';

export type Props = {
	/** What to type, e.g. "Acknowledgment number (ack)". */
	readonly label: string;
	/** The text typed so far. */
	readonly value: string;
	/** Every change of the text (the owner decides what to keep). */
	readonly onChange: (value: string) => void;
	/** Enter, with the text. */
	readonly onSubmit: (value: string) => void;
};

export function TextField({label, value, onChange, onSubmit}: Props) {
	const {isRawModeSupported} = useStdin();
	const color = useContext(ColorContext);
	const focus = isRawModeSupported === true;
	return (
		<Box flexDirection="column">
			<Tinted bold>{label}:</Tinted>
			<Box>
				<Tinted tone="accent">{focus ? '› ' : '  '}</Tinted>
				<TextInput value={value} focus={focus} showCursor={color} onChange={v => change(v, onChange, onSubmit)} onSubmit={onSubmit} />
				{!color && focus ? <Text>_</Text> : null}
			</Box>
		</Box>
	);
}

/**
 * Typed or pasted text arrives in chunks: "1001\r" in one chunk is not a Return key to
 * ink-text-input, it would put a carriage return in the field. Take the line break as Enter.
 */
export function change(v: string, onChange: (v: string) => void, onSubmit: (v: string) => void): void {
	const line = /^([^\r\n]*)[\r\n]/.exec(v);
	if (!line) return onChange(v.replace(/[\u0000-\u001f\u007f]/g, ''));
	const text = line[1]!.replace(/[\u0000-\u001f\u007f]/g, '');
	onChange(text);
	onSubmit(text);
}
