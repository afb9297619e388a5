// One question asked on its own (a review card, a drill question): the player's screen for a
// session positioned at that question, with a heading of the caller's instead of the lesson's, and
// lines of the caller's after the explanation (the drill's model answer). Enter once it is explained
// hands the result back; nothing here saves a lesson attempt.
import {Box} from 'ink';
import {useReducer, useRef} from 'react';
import {type Action, type QuestionResult, type Session, currentQuestion, reduce} from '../lessons/engine.js';
import {useLatest} from './hooks/use-latest.js';
import {useAnswerText} from './hooks/use-answer-text.js';
import {usePlayerKeys} from './hooks/use-player-keys.js';
import {useWidgetAct} from './hooks/use-widget-act.js';
import {KeyHelp} from './KeyHelp.js';
import {Lines} from './Lines.js';
import {FRESH_UI, type Line, type PlayerUi, playerView} from './player-view.js';
import {QuestionBody} from './QuestionBody.js';
import {Tinted} from './Tinted.js';
import {fit, wrapText} from './wrap.js';

export type Props = {
	/** The session, positioned at the question (review/ask.ts sessionAt). */
	readonly session: Session;
	/** The first line: where in the run this is. */
	readonly heading: string;
	/** Shown above the question while it is open (the interviewer's question). */
	readonly before?: string;
	/** Shown once it is explained (a model answer). */
	readonly after?: string;
	/** The line that says what Enter does once it is explained. */
	readonly onward: string;
	/** Enter once explained: the question's result. */
	readonly onAnswered: (result: QuestionResult) => void;
	/** The question was explained (called once, before Enter): record it now, so a quit does not lose it. */
	readonly onExplained?: (result: QuestionResult) => void;
	/** q or Esc: stop the run. */
	readonly onQuit: () => void;
	/** Terminal width. */
	readonly width: number;
	/** Terminal height. */
	readonly height: number;
};

export function OneQuestion({session: start, heading, before, after, onward, onAnswered, onExplained, onQuit, width, height}: Props) {
	const [session, send] = useReducer(reduce, start);
	const latest = useRef(start);
	const told = useRef(false);
	const [ui, setUi, getUi] = useLatest<PlayerUi>(FRESH_UI);
	const [help, setHelp, getHelp] = useLatest(false);
	const answer = useAnswerText();
	const q = currentQuestion(start)!;
	const {t} = start.texts;
	const act = (action: Action) => {
		const s = latest.current;
		if ((action.type === 'next' || action.type === 'skip') && s.explained) {
			onAnswered(s.results[q.id]!);
			return;
		}
		const n = reduce(s, action);
		latest.current = n;
		send(action);
		if (n.field !== s.field || n.explained !== s.explained) {
			answer.clear();
			setUi(u => ({...FRESH_UI, analogy: u.analogy}));
		}
		if (n.explained && !told.current) {
			told.current = true;
			onExplained?.(n.results[q.id]!);
		}
	};
	const {actFromWidget, consumed} = useWidgetAct(act);
	usePlayerKeys({
		current: () => latest.current, act, getUi, setUi, getHelp, setHelp, getText: answer.getText, clearText: answer.clear,
		quit: onQuit, consumed, active: true,
	});

	const w = Math.max(10, width);
	const top: Line[] = [{text: fit(heading, w), bold: true, tone: 'title'}];
	const beforeLines: Line[] = before && !session.explained ? wrapText(before, w).slice(0, 3).map(t => ({text: t, tone: 'accent' as const, bold: true})) : [];
	const afterLines: Line[] = after && session.explained ? wrapText(after, w).slice(0, Math.max(2, Math.floor(height / 4))).map(t => ({text: t, tone: 'accent' as const})) : [];
	const view = playerView(session, {...ui, typing: answer.text !== ''}, w, Math.max(8, height - beforeLines.length - afterLines.length));
	// The player's own "Enter to continue" says where a lesson goes; here Enter ends the question.
	const afterView = session.explained ? [...view.after.slice(0, -1), ...afterLines, {text: fit(onward, w), tone: 'accent' as const, bold: true}] : view.after;
	if (help) {
		return (
			<Box flexDirection="column">
				<Lines lines={top} />
				<KeyHelp width={width} height={height - 2} />
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<Lines lines={top} />
			<Lines lines={beforeLines} />
			<QuestionBody view={view} session={session} width={w} help={help} text={answer.text} textEpoch={answer.epoch}
				onTextChange={answer.onChange} act={actFromWidget} clearText={answer.clear} />
			<Lines lines={afterView} />
			<Tinted tone="dim">{view.footer.replace(t('keys.menu'), t('practice.keyStop'))}</Tinted>
		</Box>
	);
}
