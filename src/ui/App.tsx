// The interactive tutor: the menu, a lesson, the summary, and back. Owns the screen, the colour
// switch, the terminal size and Ctrl+C (which saves the attempt in progress before leaving).
import {useApp, useInput, useStdin} from 'ink';
import {type MutableRefObject, useEffect, useRef, useState} from 'react';
import {type Lang, otherLang} from '../i18n/lang.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import type {Clock} from '../clock.js';
import type {Item} from '../review/run.js';
import type {MenuAction} from './menu-items.js';
import type {LessonEntry} from '../lessons/catalog.js';
import type {Saved} from '../lessons/engine.js';
import type {Lesson} from '../lessons/schema.js';
import type {ProgressStore} from '../progress/types.js';
import {type Size, useTerminalSize} from './hooks/use-terminal-size.js';
import {Menu} from './Menu.js';
import {Player} from './Player.js';
import {PlayerGuard} from './PlayerGuard.js';
import {ColorContext} from './Tinted.js';
import {TextsContext} from './texts-context.js';

export type Props = {
	/** The lessons, in menu order (titles in the learner's language). */
	readonly entries: readonly LessonEntry[];
	/** Parse one lesson, in this language where it is translated (may throw InputError: shown in the menu). */
	readonly loadLesson: (id: string, lang?: Lang) => Lesson;
	/** The learner's texts. Default English. */
	readonly texts?: Texts;
	/** The menu's l: the texts and menu entries of another language (absent: no switch). */
	readonly switchLanguage?: (to: Lang) => Promise<{readonly texts: Texts; readonly entries: readonly LessonEntry[]}>;
	readonly store: ProgressStore;
	/** The seed of new attempts (default: a random 32-bit seed each time). */
	readonly seed?: number;
	/** Open this lesson at once instead of the menu. */
	readonly startLesson?: string;
	/** Begin `startLesson` anew even if it has a resume point (--restart, or an explicit --seed). */
	readonly fresh?: boolean;
	/** Draw colours (false for NO_COLOR and --no-color). */
	readonly color: boolean;
	/** Called with the exit code just before the app exits. */
	readonly onExit: (code: number) => void;
	/** Filled by the player with "save the attempt now", for Ctrl+C and signals. */
	readonly saver: MutableRefObject<(() => void) | undefined>;
	/** A fixed size instead of the terminal's (tests). */
	readonly size?: Size;
	/** The clock in ms (tests). Default Date.now. */
	readonly now?: () => number;
	/** Milliseconds between the beats of a lesson that play on their own (tests: 0). Default: the player's. */
	readonly autoplayMs?: number;
	/** The wall clock of review schedules and answer times (tests move it). Default: the real one. */
	readonly clock?: Clock;
	/** Open a review or a drill at once instead of the menu (tcp-tutor review, tcp-tutor drill). */
	readonly practice?: 'review' | 'drill';
	/** A timed drill: its minutes. */
	readonly minutes?: number;
};

/** The practice screens and the scheduler: imported after the menu's first frame. */
type PracticeModule = typeof import('./practice-screens.js');
const loadPractice = () => import('./practice-screens.js');

type Screen =
	| {readonly kind: 'menu'; readonly message?: string}
	| {readonly kind: 'lesson'; readonly lesson: Lesson; readonly seed: number; readonly saved?: Saved; readonly run: number}
	| {readonly kind: 'practice'; readonly mode: 'review' | 'drill'; readonly items: readonly Item[]; readonly run: number}
	| {readonly kind: 'progress'; readonly lines: readonly string[]}
	/** Waiting for the practice module (a practice entry chosen, or tcp-tutor review, in the first moments). */
	| {readonly kind: 'loading'; readonly then: MenuAction};

const randomSeed = () => Math.floor(Math.random() * 2 ** 32) >>> 0;

/** What the menu says once about lessons shown in English, in a language other than English. */
function untranslatedNotice(texts: Texts, entries: readonly LessonEntry[]): string | undefined {
	const said = texts.t('menu.untranslated');
	return said && entries.some(e => e.untranslated) ? said : undefined;
}

const realClock: Clock = () => new Date();

export function App(props: Props) {
	const {loadLesson, store, seed, startLesson, fresh = false, color, onExit, saver, size, now, autoplayMs, switchLanguage, clock = realClock, practice, minutes} = props;
	const [language, setLanguage] = useState({texts: props.texts ?? ENGLISH, entries: props.entries});
	const {texts, entries} = language;
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const {width, height} = useTerminalSize(size);
	const [progress, setProgress] = useState(() => store.read());
	// The store's notice (an unreadable progress file was moved aside) is shown on the first menu.
	const [notice, setNotice] = useState(store.notice ?? untranslatedNotice(texts, entries));
	const runs = useRef(0); // a new key for each lesson opened: the player starts afresh

	/** The screen for a lesson: its resume point if it has one, else a new attempt (counted). */
	const open = (id: string, anew = false): Screen => {
		let lesson: Lesson;
		try {
			lesson = loadLesson(id, texts.lang);
		} catch (error) {
			return {kind: 'menu', message: texts.t('menu.couldNotOpen', {id, message: (error as Error).message})};
		}
		const resume = anew ? undefined : store.lesson(id)?.resume;
		runs.current += 1;
		if (resume) return {kind: 'lesson', lesson, seed: resume.seed, saved: resume, run: runs.current};
		store.startAttempt(id);
		return {kind: 'lesson', lesson, seed: seed ?? randomSeed(), run: runs.current};
	};
	const [screen, setScreen] = useState<Screen>(() => (startLesson ? open(startLesson, fresh) : practice ? {kind: 'loading', then: practice} : {kind: 'menu'}));
	const [mod, setMod] = useState<PracticeModule>();
	const [due, setDue] = useState<number>();
	// After the first frame: the scheduler loads and counts the cards due, for the menu's review entry.
	// Not at mount: evaluated there, its modules competed with the first frame (measured a few per cent
	// slower in alternating runs); 100 ms later the menu is on the screen and the libraries loading.
	useEffect(() => {
		let live = true;
		const timer = setTimeout(() => {
			loadPractice().then(m => {
				if (!live) return;
				setMod(() => m);
				setDue(m.countDue(entries, store.read(), clock()));
			}, (error: unknown) => {
				// Gone before the modules came (the app closed while they loaded): nothing waits for them.
				if (live) throw error;
			});
		}, 100);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, []); // eslint-disable-line react-hooks/exhaustive-deps

	/** A lesson in the learner's language, for review, the drill and the progress view. */
	const loadInLanguage = (id: string) => loadLesson(id, texts.lang);
	/** The screen a practice entry opens (the module is loaded). */
	const openPractice = (m: PracticeModule, action: MenuAction): Screen => {
		runs.current += 1;
		const data = store.read();
		if (action === 'progress') return {kind: 'progress', lines: m.progressLines(entries, loadInLanguage, data, clock(), texts)};
		if (action === 'drill') return {kind: 'practice', mode: 'drill', items: m.drillItems(entries, loadInLanguage, data, seed ?? randomSeed(), minutes !== undefined), run: runs.current};
		const items = m.reviewItems(entries, data, clock());
		if (items.length > 0) return {kind: 'practice', mode: 'review', items, run: runs.current};
		const when = m.nextDue(entries, data, clock(), texts);
		return {kind: 'menu', message: when ? texts.t('review.nothingDue', {when}) : texts.t('review.nothingYet')};
	};
	const act = (action: MenuAction) => {
		setNotice(undefined);
		setScreen(mod ? openPractice(mod, action) : {kind: 'loading', then: action});
	};
	useEffect(() => {
		if (mod && screen.kind === 'loading') setScreen(openPractice(mod, screen.then));
	}, [mod, screen]); // eslint-disable-line react-hooks/exhaustive-deps
	const openFromMenu = (id: string) => {
		setNotice(undefined);
		setScreen(open(id));
	};

	const toMenu = () => {
		setProgress(store.read());
		if (mod) setDue(mod.countDue(entries, store.read(), clock()));
		if (store.writeError) setNotice(store.writeError); // a save that failed is said in full here
		setScreen({kind: 'menu'});
	};
	const switching = useRef(false);
	/** l in the menu: the other language, remembered in the store; the menu says so while its texts load. */
	const changeLanguage = switchLanguage && (() => {
		if (switching.current) return;
		switching.current = true;
		const to = otherLang(texts.lang);
		setNotice(texts.t('menu.switching'));
		void switchLanguage(to).then(next => {
			store.setLanguage(to);
			setLanguage(next);
			setNotice(untranslatedNotice(next.texts, next.entries));
		}, (error: unknown) => setNotice(String((error as Error).message ?? error))).finally(() => {
			switching.current = false;
		});
	});
	const quit = () => {
		onExit(0);
		exit();
	};

	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			saver.current?.();
			quit();
		}
	}, {isActive: isRawModeSupported === true});

	const index = screen.kind === 'lesson' ? entries.findIndex(e => e.id === screen.lesson.id) : -1;
	const next = index >= 0 ? entries[index + 1] : undefined;
	return (
		<ColorContext.Provider value={color}><TextsContext.Provider value={texts}>
			{screen.kind === 'menu' || screen.kind === 'loading' ? (
				<Menu entries={entries} progress={progress} onOpen={openFromMenu} onAction={act} {...(due === undefined ? {} : {due})} onQuit={quit}
					{...(changeLanguage ? {onSwitchLanguage: changeLanguage} : {})}
					{...(screen.kind === 'menu' && (screen.message ?? notice) ? {message: (screen.message ?? notice)!} : {})} width={width} height={height} />
			) : screen.kind === 'progress' && mod ? (
				<mod.ProgressScreen lines={screen.lines} onBack={toMenu} width={width} height={height} />
			) : screen.kind === 'practice' && mod ? (
				<PlayerGuard key={screen.run} onError={message => setScreen({kind: 'menu', message})}>
					<mod.Practice kind={screen.mode} items={screen.items} loadLesson={loadInLanguage} store={store} clock={clock}
						randomSeed={() => (seed === undefined ? randomSeed() : (seed + runs.current++) >>> 0)} {...(minutes === undefined ? {} : {minutes})}
						nextDue={() => mod.nextDue(entries, store.read(), clock(), texts)} onBack={toMenu} width={width} height={height} />
				</PlayerGuard>
			) : screen.kind === 'lesson' ? (
				<PlayerGuard key={screen.run} onError={message => {
					saver.current = undefined; // nothing of this attempt can be saved
					setProgress(store.read());
					setScreen({kind: 'menu', message: texts.t('menu.couldNotPlay', {id: screen.lesson.id, message})});
				}}>
					<Player lesson={screen.lesson} texts={texts} seed={screen.seed} {...(screen.saved ? {saved: screen.saved} : {})}
						store={store} {...(next ? {next} : {})} onQuit={toMenu} onOpen={id => setScreen(open(id))} saver={saver}
						width={width} height={height} {...(now ? {now} : {})} {...(autoplayMs === undefined ? {} : {autoplayMs})} />
				</PlayerGuard>
			) : null}
		</TextsContext.Provider></ColorContext.Provider>
	);
}
