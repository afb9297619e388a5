// The lesson engine in React: useReducer over engine.reduce, plus the side effects the reducer must
// not have: the clock (a tick with the real time before every action) and the progress store
// (saved after every explained question, finished once at the end, saved on quit).
import {useCallback, useEffect, useReducer, useRef} from 'react';
import {type Action, type Saved, type Session, currentQuestion, fieldResults, isDone, progressOf, reduce, save, score, startSession} from '../../lessons/engine.js';
import {gradeOf} from '../../review/grade.js';
import type {Lesson} from '../../lessons/schema.js';
import {ENGLISH, type Texts} from '../../i18n/texts.js';
import type {ProgressStore} from '../../progress/types.js';

export type SessionOptions = {
	/** The lesson to play. */
	readonly lesson: Lesson;
	/** The simulator's seed for a new attempt (a resume point brings its own). */
	readonly seed: number;
	/** A resume point: the attempt continues where it stopped. */
	readonly saved?: Saved;
	/** Where the attempt is saved and finished. */
	readonly store: ProgressStore;
	/** The clock, in ms (tests pass a fake one). Default Date.now. */
	readonly now?: () => number;
	/** The learner's language. Default English. */
	readonly texts?: Texts;
};

export type SessionHandle = {
	/** The session as last rendered. */
	readonly session: Session;
	/**
	 * The session after every action sent so far, even those not rendered yet: key handlers decide
	 * on it, so that keys typed faster than the screen redraws are not judged on an old state.
	 */
	readonly current: () => Session;
	/** Send an action to the engine (a tick with the time spent goes first). */
	readonly dispatch: (action: Action) => void;
	/** Save the attempt now (on quit and Ctrl+C); does nothing once the lesson is finished. */
	readonly saveNow: () => void;
};

// A learner who walked away from the terminal did not spend that time on the lesson.
const MAX_GAP_MS = 5 * 60_000;

/** Where to resume (engine.save moves past an explained question). */
export function resumePoint(s: Session): Saved {
	return save(s);
}

export function useSession({lesson, seed, saved, store, now = Date.now, texts = ENGLISH}: SessionOptions): SessionHandle {
	const [session, send] = useReducer(reduce, undefined, () => startSession(lesson, seed, saved, texts));
	const latest = useRef(session); // ahead of `session` until React renders the actions sent
	const lastTick = useRef(now());
	const finished = useRef(false);

	const elapsed = useCallback(() => {
		const t = now();
		const ms = Math.min(MAX_GAP_MS, Math.max(0, t - lastTick.current));
		lastTick.current = t;
		return ms;
	}, [now]);

	const dispatch = useCallback((action: Action) => {
		const tick = {type: 'tick', ms: elapsed()} as const;
		latest.current = reduce(reduce(latest.current, tick), action);
		send(tick);
		send(action);
	}, [elapsed]);

	const current = useCallback(() => latest.current, []);

	const saveNow = useCallback(() => {
		if (finished.current) return;
		const tick = {type: 'tick', ms: elapsed()} as const;
		const s = reduce(latest.current, tick);
		latest.current = s;
		send(tick);
		const p = progressOf(s);
		store.saveAttempt(s.lesson.id, resumePoint(s), p.done, p.total);
	}, [elapsed, store]);

	// After every explained question: a crash or a closed terminal loses at most the current question.
	// The answer also goes into the question's review card.
	useEffect(() => {
		if (!session.explained || finished.current) return;
		const p = progressOf(session);
		store.saveAttempt(session.lesson.id, resumePoint(session), p.done, p.total);
		const q = currentQuestion(session);
		const result = q && session.results[q.id];
		if (q && result) store.recordAnswer(session.lesson.id, q.id, gradeOf(result), new Date(now()));
	}, [session.explained, session.pos]); // eslint-disable-line react-hooks/exhaustive-deps

	useEffect(() => {
		if (!isDone(session) || finished.current) return;
		finished.current = true;
		store.finishAttempt(session.lesson.id, score(session), fieldResults(session));
	}, [session.pos]); // eslint-disable-line react-hooks/exhaustive-deps

	return {session, current, dispatch, saveNow};
}
