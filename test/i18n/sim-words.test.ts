// The simulator's own words (a state change's cause, a note on a segment) in Chinese: every one that the
// shipped lessons' traces hold has its Chinese form, and plain mode and the ladder use it.
import {describe, expect, it} from 'vitest';
import {ZH_SIM, zhSim} from '../../src/i18n/zh-sim.js';
import {loadTexts} from '../../src/i18n/texts.js';
import {loadLessons} from '../../src/lessons/catalog.js';
import {narrate} from '../../src/plain/narrate.js';
import {run} from '../../src/sim/run.js';
import {ladderLines} from '../../src/ui/ladder.js';
import {ladderWords} from '../../src/ui/ladder-words.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
const zh = await loadTexts('zh');

describe('the simulator\'s words in Chinese', () => {
	it('every cause and note in the shipped lessons\' traces has its Chinese form', () => {
		const said = new Set<string>();
		for (const l of lessons) for (const e of run(l.scenario, 1).events) {
			if (e.type === 'state') said.add(e.cause);
			if (e.type === 'note') said.add(e.note);
		}
		const missing = [...said].filter(text => !(text in ZH_SIM) && zhSim(text) === text);
		expect(missing).toEqual([]);
		expect(zhSim('segment dropped: no connection')).toBe('报文段被丢弃：没有对应的连接');
	});

	it('plain mode and the ladder write them in Chinese', () => {
		const events = run(lessons.find(l => l.id === 'four-way-close')!.scenario, 1).events;
		const lines = events.map(e => narrate(e, true, zh)).filter(Boolean).join('\n');
		expect(lines).toContain('（收到 FIN）'.slice(1, -1));
		expect(lines).not.toMatch(/\(recv /);
		const ladder = ladderLines(events, {width: 100, relative: true, words: ladderWords(zh)}).join('\n');
		expect(ladder).not.toMatch(/recv |timer time-wait/);
	});
});
