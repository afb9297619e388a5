// Lessons read as one course (issue 11, "order and wording"): every step a learner sees has its
// letters-analogy line, so the `a` toggle never shows an empty step, and each "Next:" names the
// lesson that really comes next.
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);

describe('the letters analogy', () => {
	it.each(lessons.map(l => [l.id, l] as const))('%s: the intro and every step have an analogy line', (_id, lesson) => {
		expect(lesson.intro?.analogy, 'intro').toBeTruthy();
		const missing = lesson.scenario.steps.filter(step => {
			const told = lesson.story.find(b => b.step === step.index);
			return !told?.analogy;
		}).map(step => `step ${step.index + 1} (${step.text}, line ${step.line ?? '?'})`);
		expect(missing).toEqual([]);
	});

	it('is told once: the boy and the girl stand for the kernels, the applications are their employers', () => {
		expect(lessons[0]!.intro?.analogy).toMatch(/the boy and the girl stand for the two kernels.*their employer: the application/s);
		for (const l of lessons) {
			const told = [l.intro?.analogy ?? '', ...l.story.map(b => b.analogy ?? '')].join(' ');
			expect(told, l.id).not.toMatch(/the girl herself|the girl's house, but/i); // the girl is a kernel, never the application
			expect(told, l.id).not.toMatch(/number(s|ed)? (their|his|her) letters\b/); // lines are numbered, not letters
		}
	});
});

describe('"Next" lines', () => {
	it.each(lessons.slice(0, -1).map((l, i) => [l.id, l, lessons[i + 1]!] as const))('%s points at the lesson after it', (_id, lesson, next) => {
		const said = /Next: (.{0,120})/s.exec(lesson.outro ?? '')?.[1]?.replace(/\s+/g, ' ');
		expect(said, 'the outro has a "Next:"').toBeDefined();
		expect(said!.startsWith(`"${next.title}"`) || said!.startsWith(next.id), `"Next: ${said}" should name "${next.title}" (${next.id})`).toBe(true);
	});
});

describe('interview answers', () => {
	it.each(lessons.map(l => [l.id, l] as const))('%s ends with an interview answer of 3 to 6 sentences', (_id, lesson) => {
		const answer = /Interview answer: "(.+)"\s*$/s.exec(lesson.outro ?? '')?.[1]?.replace(/\s+/g, ' ');
		expect(answer, 'the outro ends with Interview answer: "…"').toBeDefined();
		const sentences = answer!.split(/(?<=[.!?]) (?=[A-Za-z])/).length;
		expect(sentences).toBeGreaterThanOrEqual(3);
		expect(sentences).toBeLessThanOrEqual(6);
	});
});
