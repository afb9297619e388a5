// The player's command keys (see KeyHelp.tsx). Decisions are made on the newest state (`current()`,
// the getters), not on the last rendered one: two keys can arrive before a redraw.
// A text field takes letters too, so the command keys act only while it is empty (no answer starts
// with h s r a q); once something is typed every key types and Esc clears the field. `?` is never
// part of an answer: it always opens the help.
import {useInput, useStdin} from 'ink';
import {type Action, type Session, choicesFor, currentBeat, currentField, currentQuestion} from '../../lessons/engine.js';
import type {PlayerUi} from '../player-view.js';

/** The keys that are commands while the text field is empty (the field must not keep them). */
export const COMMAND_KEYS: readonly string[] = ['h', 's', 'r', 'a', 'q'];

export type PlayerKeys = {
	/** The newest session. */
	readonly current: () => Session;
	/** Send an action to the engine. */
	readonly act: (action: Action) => void;
	readonly getUi: () => PlayerUi;
	readonly setUi: (update: (ui: PlayerUi) => PlayerUi) => void;
	readonly getHelp: () => boolean;
	readonly setHelp: (update: (open: boolean) => boolean) => void;
	/** The text typed in the field, and clearing it. */
	readonly getText: () => string;
	readonly clearText: () => void;
	/** q or Esc: save and go back to the menu. */
	readonly quit: () => void;
	/** True for a key the list or the text field already acted on (Enter choosing or answering). */
	readonly consumed: () => boolean;
	/** Listen at all (false once the lesson is done: the summary has its own keys). */
	readonly active: boolean;
};

/** Enter at a stop goes on (the beats after it play on their own); while they play, it jumps to the next stop. */
function onward(s: Session): Action {
	return currentBeat(s).stop ? {type: 'next'} : {type: 'skip'};
}

export function usePlayerKeys(k: PlayerKeys): void {
	const {isRawModeSupported} = useStdin();
	useInput((input, key) => {
		if (key.ctrl || k.consumed()) return; // Ctrl+C belongs to the app
		if (k.getHelp()) {
			k.setHelp(() => false); // any key closes the help
			return;
		}
		const s = k.current();
		const q = currentQuestion(s);
		const field = currentField(s);
		const textField = field !== undefined && choicesFor(field) === undefined;
		if (input === '?') {
			k.setHelp(() => true);
			return;
		}
		if (textField && k.getText() !== '') {
			if (key.escape) k.clearText(); // every other key types
			return;
		}
		if (k.getUi().confirmReveal) {
			k.setUi(v => ({...v, confirmReveal: false})); // any other key cancels
			if (input === 's') k.act({type: 'reveal'});
			return;
		}
		if (input === 'q' || key.escape) k.quit();
		else if (input === 'h') {
			if (q && field) {
				if (s.hints >= q.hints.length) k.setUi(v => ({...v, noMoreHints: true}));
				else k.act({type: 'hint'});
			}
		} else if (input === 'r') k.act({type: 'toggle-relative'});
		else if (input === 'a') k.setUi(v => ({...v, analogy: !v.analogy}));
		else if (input === 's') {
			if (field) k.setUi(v => ({...v, confirmReveal: true}));
		} else if ((key.return || key.rightArrow) && !field) k.act(onward(s));
		else if (/^\r{2,}$/.test(input)) {
			// Enter pressed twice while the app was busy arrives as one chunk ("\r\r"): one step each.
			for (const _ of input) if (!currentField(k.current())) k.act(onward(k.current()));
		}
	}, {isActive: isRawModeSupported === true && k.active});
}
