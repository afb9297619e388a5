// The lesson player: header, ladder, story, question, feedback; the summary at the end.
// What is drawn comes from player-view.ts, the keys from hooks/use-player-keys.ts.
import {Box} from 'ink';
import {type MutableRefObject, useEffect} from 'react';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import type {LessonEntry} from '../lessons/catalog.js';
import {type Action, type Saved, isDone} from '../lessons/engine.js';
import type {Lesson} from '../lessons/schema.js';
import type {ProgressStore} from '../progress/types.js';
import {useLatest} from './hooks/use-latest.js';
import {useAnswerText} from './hooks/use-answer-text.js';
import {usePlayerKeys} from './hooks/use-player-keys.js';
import {useWidgetAct} from './hooks/use-widget-act.js';
import {useSession} from './hooks/use-session.js';
import {KeyHelp} from './KeyHelp.js';
import {Lines} from './Lines.js';
import {FRESH_UI, type PlayerUi, playerView} from './player-view.js';
import {Summary} from './Summary.js';
import {QuestionBody} from './QuestionBody.js';
import {Tinted} from './Tinted.js';
import {fit} from './wrap.js';

export type Props = {
	/** The lesson to play (already in the learner's language). */
	readonly lesson: Lesson;
	/** The learner's texts. Default English. */
	readonly texts?: Texts;
	/** The seed of a new attempt (a resumed one uses its saved seed). */
	readonly seed: number;
	/** The resume point, when continuing. */
	readonly saved?: Saved;
	/** Where progress goes. */
	readonly store: ProgressStore;
	/** The next lesson in the menu (offered by the summary). */
	readonly next?: LessonEntry;
	/** Back to the menu (after saving). */
	readonly onQuit: () => void;
	/** Open another lesson (the summary's "next lesson"). */
	readonly onOpen: (lessonId: string) => void;
	/** Filled with a function that saves the attempt, for Ctrl+C and signals. */
	readonly saver: MutableRefObject<(() => void) | undefined>;
	/** Terminal width: no line is wider. */
	readonly width: number;
	/** Terminal height: the ladder gets the lines the rest leaves. */
	readonly height: number;
	/** The clock in ms (tests). Default Date.now. */
	readonly now?: () => number;
	/** Milliseconds between beats that play on their own (a segment appearing). Default 600. */
	readonly autoplayMs?: number;
};

export function Player({lesson, texts = ENGLISH, seed, saved, store, next, onQuit, onOpen, saver, width, height, now, autoplayMs = 600}: Props) {
	const {session, current, dispatch, saveNow} = useSession({lesson, seed, store, texts, ...(saved ? {saved} : {}), ...(now ? {now} : {})});
	const [ui, setUi, getUi] = useLatest<PlayerUi>(FRESH_UI);
	const [help, setHelp, getHelp] = useLatest(false);
	const answer = useAnswerText();
	const done = isDone(session);

	useEffect(() => {
		saver.current = saveNow;
		return () => {
			if (saver.current === saveNow) saver.current = undefined;
		};
	}, [saver, saveNow]);

	/** Send an action; a new field or beat starts clean (empty text, in the field, no pending reveal). */
	const act = (action: Action) => {
		const before = current();
		dispatch(action);
		const after = current();
		if (after.pos !== before.pos || after.field !== before.field) {
			answer.clear();
			setUi(u => ({...FRESH_UI, analogy: u.analogy}));
		}
	};

	const {actFromWidget, consumed} = useWidgetAct(act);

	// A beat with nothing to read or answer plays on its own: the diagram grows a segment at a time.
	const stop = session.beats[session.pos]!.stop;
	useEffect(() => {
		if (done || stop) return;
		if (autoplayMs <= 0) { // no pause at all (tests): on at once, within the render that got here
			act({type: 'next'});
			return;
		}
		const timer = setTimeout(() => act({type: 'next'}), autoplayMs);
		return () => clearTimeout(timer);
	}, [session.pos, done, stop, autoplayMs]); // eslint-disable-line react-hooks/exhaustive-deps

	usePlayerKeys({
		current, act, getUi, setUi, getHelp, setHelp, getText: answer.getText, clearText: answer.clear,
		quit: () => {
			saveNow();
			onQuit();
		},
		consumed, active: !done,
	});

	if (done) return <Summary session={session} {...(next ? {next} : {})} onNext={onOpen} onMenu={onQuit} width={width} height={height} />;

	const view = playerView(session, {...ui, typing: answer.text !== ''}, width, height);
	// Said on the footer line, so the screen's height budget stays as it is.
	const skipped = session.skipped.length;
	const {t} = texts;
	// English shown where the translation lacks text: said until the first question is reached.
	const untranslated = lesson.untranslated?.length && t('player.untranslated') && !session.beats.slice(0, session.pos).some(b => b.kind === 'ask')
		? t('player.untranslated') : undefined;
	const warning = store.writeError !== undefined ? t('player.notSaved')
		: skipped > 0 ? texts.n('player.leftOut', skipped) : untranslated;
	if (help) {
		return (
			<Box flexDirection="column">
				<Lines lines={view.header} />
				<KeyHelp width={width} height={height - 2} />
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<Lines lines={view.header} />
			<QuestionBody view={view} session={session} width={width} help={help} text={answer.text} textEpoch={answer.epoch}
				onTextChange={answer.onChange} act={actFromWidget} clearText={answer.clear} />
			<Lines lines={view.after} />
			{warning === undefined ? <Tinted tone="dim">{view.footer}</Tinted> : <Tinted tone="warn">{fit(`${warning} · ${view.footer}`, width)}</Tinted>}
		</Box>
	);
}
