// An in-memory ProgressStore for UI tests: keeps what the UI saves, and records every call.
import type {Saved} from '../../src/lessons/engine.js';
import type {Field} from '../../src/lessons/schema.js';
import {type LessonProgress, type ProgressData, type ProgressStore, SCHEMA_VERSION} from '../../src/progress/types.js';
import {addAnswer} from '../../src/progress/review-data.js';
import type {Grade} from '../../src/review/grade.js';

export type Call =
	| {readonly kind: 'start'; readonly id: string}
	| {readonly kind: 'save'; readonly id: string; readonly resume: Saved; readonly answered: number; readonly total: number}
	| {readonly kind: 'finish'; readonly id: string; readonly score: number; readonly fields: readonly {readonly field: Field; readonly firstTry: boolean}[]}
	| {readonly kind: 'language'; readonly lang: 'en' | 'zh'}
	| {readonly kind: 'answer'; readonly id: string; readonly question: string; readonly grade: Grade; readonly at: Date};

export class FakeStore implements ProgressStore {
	readonly path = '/fake/progress.json';
	readonly calls: Call[] = [];
	notice?: string;
	/** Set by a test: every write "fails" with this. */
	writeError?: string;
	private data: ProgressData;

	constructor(lessons: Record<string, LessonProgress> = {}, lastLesson?: string, notice?: string) {
		this.data = {schemaVersion: SCHEMA_VERSION, lessons, fields: {}, ...(lastLesson ? {lastLesson} : {})};
		if (notice) this.notice = notice;
	}

	read(): ProgressData {
		return this.data;
	}

	lesson(id: string): LessonProgress | undefined {
		return this.data.lessons[id];
	}

	private put(id: string, p: LessonProgress, last = true): void {
		this.data = {...this.data, lessons: {...this.data.lessons, [id]: p}, ...(last ? {lastLesson: id} : {})};
	}

	startAttempt(id: string): void {
		this.calls.push({kind: 'start', id});
		const p = this.lesson(id) ?? {completed: false, bestScore: null, attempts: 0};
		this.put(id, {...p, attempts: p.attempts + 1});
	}

	saveAttempt(id: string, resume: Saved, answered: number, total: number): void {
		this.calls.push({kind: 'save', id, resume, answered, total});
		const p = this.lesson(id) ?? {completed: false, bestScore: null, attempts: 1};
		this.put(id, {...p, resume, answered, total});
	}

	finishAttempt(id: string, score: number, fields: readonly {readonly field: Field; readonly firstTry: boolean}[]): void {
		this.calls.push({kind: 'finish', id, score, fields});
		const p = this.lesson(id) ?? {completed: false, bestScore: null, attempts: 1};
		const {resume: _r, answered: _a, total: _t, ...rest} = p;
		this.put(id, {...rest, completed: true, bestScore: Math.max(score, p.bestScore ?? 0)});
	}

	recordAnswer(id: string, question: string, grade: Grade, at: Date): void {
		this.calls.push({kind: 'answer', id, question, grade, at});
		this.data = {...this.data, review: addAnswer(this.data.review ?? {cards: {}}, id, question, {at: at.toISOString(), grade})};
	}

	/** Set the data wholesale (tests of review and progress views). */
	replace(data: ProgressData): void {
		this.data = data;
	}

	mergeFrom(theirs: ProgressData): void {
		for (const [id, p] of Object.entries(theirs.lessons)) if (!this.lesson(id)) this.put(id, p, false);
	}

	reset(id?: string): void {
		if (id === undefined) this.data = {...this.data, lessons: {}};
		else {
			const {[id]: _gone, ...rest} = this.data.lessons;
			this.data = {...this.data, lessons: rest};
		}
	}

	setLanguage(lang: 'en' | 'zh'): void {
		this.calls.push({kind: 'language', lang});
		this.data = {...this.data, settings: {...this.data.settings, language: lang}};
	}

	saves(): Extract<Call, {kind: 'save'}>[] {
		return this.calls.filter((c): c is Extract<Call, {kind: 'save'}> => c.kind === 'save');
	}
}
