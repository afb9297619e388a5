// A key the choice list or the text field acted on (Enter choosing or answering) is theirs alone: the
// command keys' handler, which may run after theirs for the same key and then sees the new state, must
// not also take it as "next". The mark lasts until the key's handlers have all run.
import {useRef} from 'react';
import type {Action} from '../../lessons/engine.js';

/** `act` as the widgets call it, and whether the key being handled was already theirs. */
export function useWidgetAct(act: (action: Action) => void): {readonly actFromWidget: (action: Action) => void; readonly consumed: () => boolean} {
	const consumed = useRef(false);
	const actFromWidget = (action: Action) => {
		consumed.current = true;
		queueMicrotask(() => {
			consumed.current = false;
		});
		act(action);
	};
	return {actFromWidget, consumed: () => consumed.current};
}
