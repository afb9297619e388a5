// Which questions a drill asks: one from each lesson that names a classic interview question, in an
// order that changes topic from one question to the next, the learner's most-missed question of a
// lesson first in line. Deterministic for a seed (tests), random for a learner.
import type {Lesson} from '../lessons/schema.js';
import type {ReviewData} from '../progress/review-data.js';
import {rng} from '../sim/random.js';
import {run} from '../sim/run.js';
import type {Item} from '../review/run.js';
import {type Topic, topicOf} from '../review/topics.js';

export type DrillItem = Item & {readonly topic: Topic; readonly classic: string; readonly lessonTitle: string};

/** Questions in an untimed drill. */
export const DRILL_QUESTIONS = 8;

export function pickDrill(lessons: readonly Lesson[], seed: number, review: ReviewData | undefined, count: number): DrillItem[] {
	const next = rng(seed);
	const random = () => next() / 2 ** 32; // rng gives 32-bit integers
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length) % xs.length]!;
	const candidates: DrillItem[] = [];
	for (const lesson of lessons) {
		if (!lesson.classic || lesson.questions.length === 0) continue;
		const missed = (q: string) => review?.cards[lesson.id]?.[q]?.log.filter(a => a.grade <= 2).length ?? 0;
		const most = Math.max(0, ...lesson.questions.map(q => missed(q.id)));
		const q = most > 0 ? lesson.questions.find(x => missed(x.id) === most)! : pick(lesson.questions);
		const trace = run(lesson.scenario, seed);
		candidates.push({lessonId: lesson.id, questionId: q.id, topic: topicOf(lesson, q, trace), classic: lesson.classic, lessonTitle: lesson.title});
	}
	// Shuffle, then take them so that no two questions in a row share a topic where that can be helped.
	for (let i = candidates.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1)) % (i + 1);
		[candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
	}
	const out: DrillItem[] = [];
	const left = [...candidates];
	while (out.length < count && left.length > 0) {
		const k = Math.max(0, left.findIndex(c => c.topic !== out.at(-1)?.topic));
		out.push(...left.splice(k, 1));
	}
	return out;
}
