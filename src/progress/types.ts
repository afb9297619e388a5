// What the progress store keeps: keyed by lesson id (never by position), unknown ids kept.
import type {Lang} from '../i18n/lang.js';
import type {Saved} from '../lessons/engine.js';
import type {Field} from '../lessons/schema.js';
import type {Grade} from '../review/grade.js';
import type {ReviewData} from './review-data.js';

export const SCHEMA_VERSION = 1;

export type LessonProgress = {
	/** Finished at least once. */
	readonly completed: boolean;
	/** Best score of a finished attempt, 0-100 (null until one is finished). */
	readonly bestScore: number | null;
	/** Attempts started. */
	readonly attempts: number;
	/** Where the learner stopped in an unfinished attempt. */
	readonly resume?: Saved;
	/** Questions answered in that attempt, and how many the lesson has (for "step k/n"). */
	readonly answered?: number;
	readonly total?: number;
	readonly updatedAt?: string;
};

export type FieldStats = {readonly asked: number; readonly firstTry: number};

export type ProgressData = {
	readonly schemaVersion: number;
	readonly lessons: Readonly<Record<string, LessonProgress>>;
	/** Accuracy per kind of question. */
	readonly fields: Readonly<Partial<Record<Field, FieldStats>>>;
	/** The lesson to offer under "continue where you left off". */
	readonly lastLesson?: string;
	/** Every answered question's log of answers, for spaced review (added after 0.1.0: a store without it reads as the cards its resume points hold). */
	readonly review?: ReviewData;
	/** The learner's choices (added after 0.1.0: a store without them reads as no choice made). */
	readonly settings?: Settings;
};

export type Settings = {
	/** The language chosen with --lang or in the menu. */
	readonly language?: Lang;
};

/** The store the UI and plain mode talk to (src/progress/store.ts implements it on conf). */
export interface ProgressStore {
	read(): ProgressData;
	lesson(id: string): LessonProgress | undefined;
	/** Save an attempt in progress (after every answered question and on quit). */
	saveAttempt(lessonId: string, resume: Saved, answered: number, total: number): void;
	/** Start a new attempt (counts it). */
	startAttempt(lessonId: string): void;
	/** A finished attempt: score, per-field accuracy; clears the resume point. */
	finishAttempt(lessonId: string, score: number, fieldResults: readonly {readonly field: Field; readonly firstTry: boolean}[]): void;
	reset(lessonId?: string): void;
	/** Remember the learner's language (--lang, the menu's switch). */
	setLanguage(lang: Lang): void;
	/** An answered question (in a lesson, a review or a drill): one more answer in its card's log. */
	recordAnswer(lessonId: string, questionId: string, grade: Grade, at: Date): void;
	/** Merge another store's data into this one (import): nothing is lost from either. */
	mergeFrom(theirs: ProgressData): void;
	/** Set when the store file was moved aside or salvaged, or cannot be used at all: tell the learner once. */
	readonly notice?: string;
	/** Set while the last write failed or the store cannot be used (disk full, read-only folder): tell the learner, claim no save. */
	readonly writeError?: string;
	/** Where the store lives (for `tcp-tutor progress`). */
	readonly path: string;
}
