// The ink player with a lesson that loads but cannot be played as written: a question without an
// answer in its trace is left out with a note on the footer line; a scenario the simulator cannot
// settle sends the learner back to the menu with one sentence. Never a stack trace (issue 10, item 4).
import {afterEach, describe, expect, test} from 'vitest';
import type {LessonEntry} from '../../src/lessons/catalog.js';
import type {Lesson} from '../../src/lessons/schema.js';
import {App} from '../../src/ui/App.js';
import {SCENARIO, noTimer, oneQuestion} from '../lessons/one-question.js';
import {FakeStore} from './fake-store.js';
import {type Rendered, render, waitForText} from './harness.js';

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

const entry = (lesson: Lesson): LessonEntry => ({id: lesson.id, title: lesson.title, summary: lesson.summary, level: lesson.level,
	tags: lesson.tags, minutes: 1, questions: lesson.questions.length, file: lesson.file});

async function play(lesson: Lesson): Promise<Rendered> {
	const r = await render(<App entries={[entry(lesson)]} loadLesson={() => lesson} store={new FakeStore()} color={false} seed={1}
		startLesson={lesson.id} onExit={() => {}} saver={{current: undefined}} autoplayMs={0} />);
	open.push(r);
	return r;
}

describe('a lesson that cannot be played as written', () => {
	test('a question without an answer is left out, said on the footer; the others are asked', async () => {
		const r = await play(noTimer());
		await waitForText(r, '1 question left out: no answer in this run (tcp-tutor check)');
		await waitForText(r, 'Which state is the client in?');
		expect(r.lastFrame()).not.toContain('How long');
	});

	test('a scenario the simulator cannot settle: back to the menu with one sentence', async () => {
		const busy = oneQuestion(`${SCENARIO}\n    - client: keepalive 1s 1s 3\n    - wait: 86400s`, `  - id: state
    step: 2
    ask: state
    endpoint: client
    prompt: Which state?
    hints: [h]
    explain: e`);
		const r = await play(busy);
		await waitForText(r, 'Could not play one-question: simulation did not settle', 10_000);
		expect(r.lastFrame()).not.toMatch(/\n\s+at /);
	});
});
