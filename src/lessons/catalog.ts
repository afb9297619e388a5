// What the menu needs of a lesson, without parsing its scenario and questions (issue: start-up cost).
import type {Lesson} from './schema.js';

export type LessonEntry = {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly level: Lesson['level'];
	readonly tags: Lesson['tags'];
	readonly minutes: number;
	readonly questions: number;
	readonly file: string;
};

export function entryOf(lesson: Lesson): LessonEntry {
	return {id: lesson.id, title: lesson.title, summary: lesson.summary, level: lesson.level, tags: lesson.tags,
		minutes: lesson.minutes, questions: lesson.questions.length, file: lesson.file};
}

/** The topic a lesson is listed under in the menu: its first tag. */
export function topicOf(entry: Pick<LessonEntry, 'tags'>): string {
	return entry.tags[0] ?? 'other';
}
