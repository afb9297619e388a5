// The lesson player driven by keystrokes, as a learner would: wrong and right answers, hints,
// the relative toggle, the analogy, the key help, reveal, quit and resume, the summary.
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../src/ui/App.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, next, press, render, type, waitFor, waitForText} from './harness.js';
import {byId, entries} from './lessons.js';

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

type Start = {store?: FakeStore; lesson?: string; now?: () => number; exits?: number[]};

async function start({store = new FakeStore(), lesson = 'handshake-letters', now, exits = []}: Start = {}) {
	const saver = {current: undefined as (() => void) | undefined};
	const r = await render(<App entries={entries} loadLesson={byId} store={store} color={false} seed={7} startLesson={lesson}
		onExit={c => exits.push(c)} saver={saver} autoplayMs={0} {...(now ? {now} : {})} />);
	open.push(r);
	return {r, store, saver, exits};
}

/** From the start of the handshake lesson to its first question (the SYN,ACK's flags). */
async function toSynAck(r: Rendered) {
	await waitForText(r, 'Before two programs');
	await next(r, 'The server calls listen()');
	await next(r, 'The client calls connect()');
	await next(r, 'Flags:'); // the SYN plays on its own on the way
	expect(r.lastFrame()).toContain('SYN seq=1000 ─');
}

/** On to the SYN,ACK's ack number: its flags answered with the second choice, SYN,ACK. */
async function toAck(r: Rendered) {
	await toSynAck(r);
	await press(r, '2');
	await waitForText(r, 'Acknowledgment number (ack)');
}

const lastLine = (frame: string, text: string) => frame.split('\n').filter(l => l.includes(text)).pop() ?? '';

describe('a whole lesson by keystrokes', () => {
	test('wrong, then right; a text answer; the summary; the store gets saves and the finish', async () => {
		const clock = {t: 0};
		const {r, store} = await start({now: () => clock.t});
		await toSynAck(r);
		// The segment being asked about is drawn as ? coming from the server, without its label.
		expect(r.lastFrame()).toMatch(/◀─+ \? ─\n/);
		expect(r.lastFrame()).not.toContain('SYN,ACK seq=');
		expect(r.lastFrame()).toContain('question 1 of 3');

		await press(r, KEY.enter); // SYN: wrong
		await waitForText(r, '✗ Flags: SYN is not it');
		expect(r.lastFrame()).not.toContain('SYN,ACK.'); // no "expected": the learner tries again
		expect(r.lastFrame()).not.toContain('The server sent'); // no numbers before a right answer
		expect(r.lastFrame()).toContain('Ask what this segment must do'); // but the rule that decides it

		clock.t = 90_000;
		await press(r, KEY.down, KEY.enter); // SYN,ACK
		await waitForText(r, '✓ Right: SYN,ACK.');
		expect(r.lastFrame()).toContain('The server sent SYN,ACK.'); // the rule, now
		expect(r.lastFrame()).toContain('Acknowledgment number (ack) (absolute):');
		expect(r.lastFrame()).toContain('flags SYN,ACK ✓ (you said SYN)'); // expected vs given

		await type(r, '1001');
		await press(r, KEY.enter);
		await waitForText(r, 'Enter (or →) to continue');
		expect(r.lastFrame()).toContain('✓ Right: 1001.');
		expect(r.lastFrame()).toContain('SYN,ACK with ack = 1001.'); // the explanation
		// Answered: the segment is drawn at once, with its label; the client's change comes with the events of its arrival.
		// Answered, the segment is drawn; the client's reaction (ESTABLISHED) waits: the next question predicts what it sends.
		expect(r.lastFrame()).toMatch(/SYN-SENT +◀─+ SYN,ACK seq=5000 ack=1001 ─ \?\n/);
		await waitFor(() => store.saves().length === 1);
		expect(store.saves()[0]).toMatchObject({id: 'handshake-letters', answered: 1, total: 3});

		await next(r, 'his third letter'); // one Enter: on to the next question
		expect(r.lastFrame()).not.toContain('SYN,ACK with ack');
		await press(r, KEY.down, KEY.down, KEY.enter); // ACK
		await waitForText(r, 'Sequence number (seq)');
		await type(r, 'x+1');
		await press(r, KEY.enter);
		await waitForText(r, 'Acknowledgment number (ack)');
		await type(r, '5001');
		await press(r, KEY.enter);
		await waitForText(r, 'ACK only, seq = 1001, ack = 5001.');
		await next(r, 'In which state is the server now?');
		// The state being asked is hidden on the newest row.
		expect(r.lastFrame()).toMatch(/▶ \?\n/);
		await press(r, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // ESTABLISHED
		await waitForText(r, 'ESTABLISHED: the server');
		expect(r.lastFrame()).toContain('Enter: see your results'); // the last question
		await next(r, 'Lesson done: The handshake as letters');

		const f = r.lastFrame();
		expect(f).toContain('Score 83%'); // 0.5 + 1 + 1 of 3
		expect(f).toContain('time 1 min 30 s');
		expect(f).toContain('To look at again:');
		expect(lastLine(f, '✗')).toContain('missed flags at first: The girl answers.');
		expect(f).toContain('Three segments: SYN (seq = x)'); // the outro
		expect(f).toContain('Next: Closing, for the tests');
		const finish = store.calls.find(c => c.kind === 'finish');
		expect(finish).toEqual({kind: 'finish', id: 'handshake-letters', score: 83, fields: [
			{field: 'flags', firstTry: false}, {field: 'ack', firstTry: true},
			{field: 'flags', firstTry: true}, {field: 'seq', firstTry: true}, {field: 'ack', firstTry: true},
			{field: 'state', firstTry: true},
		]});
		expect(store.saves()).toHaveLength(3);

		await next(r, 'Closing, for the tests · '.slice(0, 22)); // Enter: the next lesson, a new attempt
		await waitForText(r, 'question 1 of 3'); // its handshake has no story: it plays on its own to the first question
		expect(store.calls.filter(c => c.kind === 'start').map(c => c.id)).toEqual(['handshake-letters', 'close-test']);
	}, 20_000);
});

describe('keys', () => {
	test('h shows the hints one by one, filled in with the numbers; then says there are no more', async () => {
		const {r} = await start();
		await toSynAck(r);
		await press(r, 'h');
		await waitForText(r, 'Hint 1/3: She does two things at once');
		expect(r.lastFrame()).not.toContain('Hint 2/3');
		await press(r, 'h', 'h');
		await waitForText(r, 'Hint 3/3');
		expect(r.lastFrame()).toContain('Hint 2/3: Acknowledging sets ACK');
		expect(r.lastFrame()).toContain('x = 1000, so she expects x+1');
		await press(r, 'h');
		await waitForText(r, 'No more hints: s shows the answer.');
	});

	test('in a text field the command keys act while it is empty; once typed, every key types and Esc clears', async () => {
		const {r} = await start();
		await toSynAck(r);
		await press(r, '2'); // the second choice: SYN,ACK
		await waitForText(r, 'Acknowledgment number (ack)');
		await press(r, 'h'); // empty field: a hint, and the field stays empty
		await waitForText(r, 'Hint 1/3');
		expect(r.lastFrame()).toMatch(/› _\n/);
		await type(r, '1h');
		await waitForText(r, '› 1h_');
		expect(r.lastFrame()).not.toContain('Hint 2/3');
		expect(r.lastFrame()).toContain('Enter answer · Esc clear · ? help');
		await press(r, KEY.esc); // clears, stays in the lesson
		await waitFor(() => !r.lastFrame().includes('› 1h'));
		expect(r.lastFrame()).toContain('Acknowledgment number (ack)');
		await press(r, 'h', 'r');
		await waitForText(r, 'Hint 2/3');
		await waitForText(r, 'Acknowledgment number (ack) (relative)');
		await type(r, '1');
		await press(r, KEY.enter);
		await waitForText(r, '✓ Right: 1.');
	});

	test('? is never typed: it opens the help even in a text field with text in it', async () => {
		const {r} = await start();
		await toAck(r);
		await type(r, '10');
		await press(r, '?');
		await waitForText(r, 'Keys (any key closes this help)');
		await press(r, ' ');
		await waitForText(r, '› 10_');
	});

	test('an unreadable answer shows the expected format; a wrong number is feedback without the answer', async () => {
		const {r} = await start();
		await toAck(r);
		await type(r, 'lots');
		await press(r, KEY.enter);
		await waitForText(r, 'Cannot read "lots"');
		expect(r.lastFrame()).toContain('x+123');
		await type(r, '1000');
		await press(r, KEY.enter);
		await waitForText(r, '✗ Acknowledgment number (ack): 1000 is not it.');
		expect(r.lastFrame()).not.toContain('1001');
	});

	test('r switches the diagram and the expected numbers to relative', async () => {
		const {r} = await start();
		await toSynAck(r);
		expect(r.lastFrame()).toContain('absolute · question 1 of 3');
		await press(r, 'r');
		await waitForText(r, 'SYN seq=0 ─');
		expect(r.lastFrame()).toContain('relative · question 1 of 3');
		await press(r, '2');
		await waitForText(r, 'Acknowledgment number (ack) (relative):');
		await type(r, '1');
		await press(r, KEY.enter);
		await waitForText(r, '✓ Right: 1.');
		expect(r.lastFrame()).toContain('SYN,ACK seq=0 ack=1 ─');
		await press(r, 'r');
		await waitForText(r, 'SYN,ACK seq=5000 ack=1001 ─');
	});

	test('two Enters that arrive as one chunk (the app was busy) are two steps', async () => {
		const {r} = await start();
		await waitForText(r, 'Before two programs');
		await press(r, '\r\r');
		await waitForText(r, 'The client calls connect()');
	});

	test('a shows the analogy, a again the TCP view', async () => {
		const {r} = await start();
		await waitForText(r, 'Before two programs');
		await next(r, 'TCP: The server calls listen()');
		await press(r, 'a');
		await waitForText(r, 'Analogy: The girl is at home, waiting for letters.');
		expect(r.lastFrame()).not.toContain('TCP: The server');
		await press(r, 'a');
		await waitForText(r, 'TCP: The server calls listen()');
	});

	test('? opens the key help, any key closes it', async () => {
		const {r} = await start();
		await toSynAck(r);
		await press(r, '?');
		await waitForText(r, 'Keys (any key closes this help)');
		expect(r.lastFrame()).toContain('In a text field (numbers, durations) h s r a q and Esc work while it is empty');
		expect(r.lastFrame()).not.toContain('Flags:');
		await press(r, 'x');
		await waitForText(r, 'Flags:');
		expect(r.lastFrame()).not.toContain('Keys (any key');
	});

	test('s asks first, s again shows the answer and the rule, and it counts as not solved', async () => {
		const {r, store} = await start();
		await toSynAck(r);
		await press(r, 's');
		await waitForText(r, 'Show the answer? It counts as not solved.');
		await press(r, 'j'); // any other key cancels
		await waitFor(() => !r.lastFrame().includes('Show the answer?'));
		await press(r, 's', 's');
		await waitForText(r, '→ The answer: SYN,ACK (counts as not solved).');
		expect(r.lastFrame()).toContain('The server sent SYN,ACK.');
		await press(r, 's', 's'); // the text field is empty: s is a command
		await waitForText(r, '→ The answer: 1001');
		expect(r.lastFrame()).toContain('flags SYN,ACK (not at the first try) · ack 1001 (shown)');
		await waitFor(() => store.saves().length === 1);
		expect(store.saves()[0]!.resume.results['synack']).toMatchObject({revealed: true, firstTry: false});
	});
});

describe('other questions', () => {
	test('a sender question draws ? without direction; a state question hides the state; a seq in a text field', async () => {
		const {r} = await start({lesson: 'close-test'});
		// No story for listen and connect: the handshake plays on its own up to the first question.
		await waitForText(r, 'Who sends the next segment?');
		expect(r.lastFrame()).toMatch(/┄+ \? ┄+/);
		expect(r.lastFrame()).not.toMatch(/─ \? ─/);
		await press(r, KEY.enter); // client
		await waitForText(r, '✓ Right: client.');
		await next(r, 'What is the seq of the client\'s FIN?');
		expect(r.lastFrame()).toContain('ACK seq=1001 ack=5001 len=100');
		expect(r.lastFrame()).toMatch(/─ \? ─+▶/);
		await type(r, '1101');
		await press(r, KEY.enter);
		await waitForText(r, 'seq = 1101.');
		await next(r, 'Which state is the server in');
		expect(lastLine(r.lastFrame(), 'FIN,ACK seq=1101')).toMatch(/ \?$/);
		await press(r, ...Array.from({length: 7}, () => KEY.down), KEY.enter);
		await waitForText(r, '✓ Right: CLOSE-WAIT.');
		expect(lastLine(r.lastFrame(), 'FIN,ACK seq=1101')).toMatch(/CLOSE-WAIT$/);
	});
});

describe('quit and resume', () => {
	test('q saves the attempt; opening the lesson again continues at the saved point with the same seed', async () => {
		const store = new FakeStore();
		const first = await start({store});
		await toAck(first.r);
		await type(first.r, '1001');
		await press(first.r, KEY.enter);
		await waitForText(first.r, 'Enter (or →) to continue');
		await press(first.r, 'r', 'q');
		await waitForText(first.r, 'in progress 1/3');
		expect(first.r.lastFrame()).toContain('Continue where you left off: The handshake as letters');
		const saved = store.saves().pop()!;
		expect(saved.resume).toMatchObject({seed: 7, relative: true});
		expect(store.calls.filter(c => c.kind === 'start')).toHaveLength(1);

		// A new run of the tutor with the same store: the menu offers to continue; Enter resumes.
		await first.r.unmount();
		const saver = {current: undefined};
		const again = await render(<App entries={entries} loadLesson={byId} store={store} color={false} onExit={() => {}} saver={saver} autoplayMs={0} />);
		open.push(again);
		await waitForText(again, 'Continue where you left off');
		await press(again, KEY.enter);
		// It resumes after the answered question: the segment plays on its own, up to the next question.
		await waitForText(again, 'relative · question 2 of 3');
		expect(again.lastFrame()).toContain('SYN,ACK seq=0 ack=1 ─');
		expect(again.lastFrame()).toContain('his third letter');
		expect(store.calls.filter(c => c.kind === 'start')).toHaveLength(1); // resuming is not a new attempt
	});

	test('fresh (--restart, an explicit --seed) begins the lesson anew despite a resume point', async () => {
		const store = new FakeStore();
		const first = await start({store});
		await toAck(first.r);
		await type(first.r, '1001');
		await press(first.r, KEY.enter);
		await waitForText(first.r, 'Enter (or →) to continue');
		await press(first.r, 'q');
		await waitForText(first.r, 'in progress 1/3');
		await first.r.unmount();
		const again = await render(<App entries={entries} loadLesson={byId} store={store} color={false} seed={9} startLesson="handshake-letters" fresh
			onExit={() => {}} saver={{current: undefined}} autoplayMs={0} />);
		open.push(again);
		await waitForText(again, 'Before two programs');
		expect(again.lastFrame()).toContain('0 of 3 answered');
		expect(store.calls.filter(c => c.kind === 'start')).toHaveLength(2); // a new attempt
	});

	test('Esc in a list goes back to the menu and saves', async () => {
		const store = new FakeStore();
		const {r} = await start({store});
		await toSynAck(r);
		await press(r, KEY.esc);
		await waitForText(r, 'in progress 0/3');
		expect(store.saves()).toHaveLength(1);
	});

	test('Ctrl+C saves and exits with 0, from a lesson', async () => {
		const store = new FakeStore();
		const exits: number[] = [];
		const {r} = await start({store, exits});
		await toSynAck(r);
		await press(r, KEY.ctrlC);
		await waitFor(() => exits.length === 1);
		expect(exits).toEqual([0]);
		expect(store.saves()).toHaveLength(1);
		expect(store.saves()[0]!.resume.pos).toBe(4); // intro, listen, connect, the SYN, then the question;
	});
});
