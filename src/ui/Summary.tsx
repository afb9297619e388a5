// The end of a lesson: score, time, what went wrong, the outro and the next lesson.
import {useInput, useStdin} from 'ink';
import type {LessonEntry} from '../lessons/catalog.js';
import type {Session} from '../lessons/engine.js';
import {Lines} from './Lines.js';
import {summaryLines} from './summary-view.js';

export type Props = {
	/** The finished session. */
	readonly session: Session;
	/** The lesson after this one in the menu, if any. */
	readonly next?: LessonEntry;
	/** Enter with a next lesson: open it. */
	readonly onNext: (lessonId: string) => void;
	/** q, Esc (or Enter without a next lesson): back to the menu. */
	readonly onMenu: () => void;
	/** Terminal width. */
	readonly width: number;
	/** Terminal height. */
	readonly height: number;
};

export function Summary({session, next, onNext, onMenu, width, height}: Props) {
	const {isRawModeSupported} = useStdin();
	useInput((input, key) => {
		if (key.return && next) onNext(next.id);
		else if (key.return || key.escape || input === 'q') onMenu();
	}, {isActive: isRawModeSupported === true});
	return <Lines lines={summaryLines(session, next, width, height)} />;
}
