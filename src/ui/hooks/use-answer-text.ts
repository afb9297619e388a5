// The text a learner types into an answer field, shared by the lesson player and a single review or
// drill question. ink-text-input keeps its own cursor: when the text changes from outside (cleared, or
// a command key kept out of it) a new field is mounted (`epoch`), with its cursor at the end.
import {useState} from 'react';
import {useLatest} from './use-latest.js';
import {COMMAND_KEYS} from './use-player-keys.js';

export type AnswerText = {
	readonly text: string;
	readonly getText: () => string;
	/** Bumped when the text is set from outside: the field is mounted afresh. */
	readonly epoch: number;
	readonly clear: () => void;
	/** What the field may keep of a change: no "?", and no command key typed into an empty field. */
	readonly onChange: (value: string) => void;
};

export function useAnswerText(): AnswerText {
	const [text, setText, getText] = useLatest('');
	const [epoch, setEpoch] = useState(0);
	const clear = () => {
		setText(() => '');
		setEpoch(e => e + 1);
	};
	const onChange = (value: string) => {
		const clean = value.replace(/\?/g, '');
		if (getText() === '' && COMMAND_KEYS.includes(clean)) clear();
		else setText(() => clean);
	};
	return {text, getText, epoch, clear, onChange};
}
