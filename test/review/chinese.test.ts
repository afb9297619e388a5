// Review, the drill and the progress view in Chinese without ink: the report and the overview drawn
// from the catalogue's Chinese texts with the lessons' Chinese titles, and plain mode through the built
// CLI (tcp-tutor review, drill, progress, progress --json) with no English sentence of practice left.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {loadTexts} from '../../src/i18n/texts.js';
import {openCatalog} from '../../src/lessons/catalog.js';
import {currentQuestion, reduce} from '../../src/lessons/engine.js';
import {drillReport, reportLines} from '../../src/drill/report.js';
import {interviewAnswer, sessionAt} from '../../src/review/ask.js';
import {answer, startRun} from '../../src/review/run.js';
import {cli} from '../helpers/cli.js';
import {englishPracticeIn, englishPracticeSentences} from '../helpers/practice-english.js';

const catalog = openCatalog([new URL('../../lessons/', import.meta.url).pathname]);
const zh = await loadTexts('zh');
const DAY = 86_400_000;

describe('the drill\'s report in Chinese', () => {
	it('topics, lesson titles and the time in Chinese', () => {
		const lesson = catalog.load('handshake-letters', 'zh');
		let s = sessionAt(lesson, 'synack', 9, zh)!;
		while (!s.explained) s = reduce(s, {type: 'reveal'});
		const run = answer(startRun([{lessonId: lesson.id, questionId: 'synack'}]), s.results['synack']!, {topic: 'handshake', lessonTitle: lesson.title});
		const lines = reportLines(drillReport(run.outcomes), 125_000, zh);
		expect(lines).toEqual([
			'面试练习报告：1 道题里 0 道一次答对，用时 2 分 05 秒。',
			'  三次握手：0/1 · 建议学习 handshake-letters（用书信讲三次握手）',
			'接下来学习：tcp-tutor start handshake-letters',
		]);
		expect(englishPracticeSentences).toBeGreaterThan(30);
		expect(englishPracticeIn(lines.join('\n'))).toEqual([]);
	});

	it('a question asked on its own speaks Chinese, and every translated lesson has a Chinese model answer', () => {
		const s = sessionAt(catalog.load('handshake-letters', 'zh'), 'synack', 9, zh)!;
		expect(s.texts).toBe(zh);
		expect(currentQuestion(s)!.prompt).toContain('女孩回信了');
		for (const e of catalog.entriesIn('zh').filter(x => !x.untranslated)) {
			expect(interviewAnswer(catalog.load(e.id, 'zh')), e.id).toMatch(/[\u4e00-\u9fff].*[。？！]$/);
		}
	});
});

describe('plain mode in Chinese, through the built CLI', () => {
	const zhCli = (args: string[], opts: Parameters<typeof cli>[1] = {}) => cli([...args, '--lang', 'zh'], opts);

	it('review, then the progress view and its JSON (keys in English, text in Chinese)', () => {
		const first = zhCli(['review']);
		expect(first.out).toContain('还没有要复习的题');
		expect(zhCli(['start', 'handshake-letters', '--seed', '7'], {dir: first.dir, input: '1\n2\n1001\n3\n1001\n5001\n5\n'}).code).toBe(0);
		expect(zhCli(['review'], {dir: first.dir}).out).toMatch(/下一张到期：2 天后。/);
		const later = new Date(Date.now() + 2 * DAY + 3_600_000).toISOString();
		const r = zhCli(['review'], {dir: first.dir, env: {TCP_TUTOR_TEST_NOW: later}, input: '2\nx+1\n'});
		expect(r.code).toBe(0);
		expect(r.out).toContain('有 1 道题到期待复习。');
		expect(r.out).toMatch(/复习第 1\/1 题：用书信讲三次握手（seed \d+）/);
		expect(r.out).toMatch(/第 2 步：客户端调用 connect\(\)。/);
		expect(r.out).toContain('题目：女孩回信了。');
		expect(r.out).toMatch(/标志位（flags）：\n {2}✓ SYN,ACK。/);
		expect(r.out).toMatch(/复习完成：1 道题里 1 道一次答对。下一道到期：(今天晚些时候|明天)。/);
		expect(englishPracticeIn(r.out)).toEqual([]);

		const progress = zhCli(['progress'], {dir: first.dir, env: {TCP_TUTOR_TEST_NOW: later}});
		expect(progress.out).toContain('各主题的掌握情况');
		expect(progress.out).toMatch(/三次握手 +掌握 \d+\/\d+，已答 3/);
		expect(progress.out).toMatch(/最常答错：\n {2}错 1 次 handshake-letters：女孩回信了。/);
		expect(progress.out).toContain('已连续练习 1 天；累计练习 2 天。');
		expect(englishPracticeIn(progress.out)).toEqual([]);
		const overview = progress.out.slice(progress.out.indexOf('各主题'), progress.out.indexOf('保存在'));
		for (const line of overview.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(60);

		const json = JSON.parse(zhCli(['progress', '--json'], {dir: first.dir, env: {TCP_TUTOR_TEST_NOW: later}}).out);
		expect(json.overview.topics.map((t: {topic: string}) => t.topic)).toContain('handshake');
		expect(json.overview.missedMost[0]).toMatchObject({lessonId: 'handshake-letters', questionId: 'synack', misses: 1, prompt: '女孩回信了。'});
	});

	it('a timed drill: the interviewer, a model answer and the report in Chinese', () => {
		const r = zhCli(['drill', '--seed', '3', '--minutes', '5'], {input: '!\n!\n!\n!\n!\n!\n'});
		expect(r.code).toBe(0);
		expect(r.out).toContain('面试练习：限时 5 分钟，混合出题。');
		expect(r.out).toMatch(/第 1 题：.+（seed \d+）\n面试官：.*[\u4e00-\u9fff]/);
		expect(r.out).toMatch(/面试练习报告：\d+ 道题里 0 道一次答对，用时 \d+ 秒。/);
		expect(englishPracticeIn(r.out)).toEqual([]);
	});

	it('usage errors of review and drill in Chinese', () => {
		expect(zhCli(['review', 'rst']).err).toContain('review 不接受课程参数');
		expect(zhCli(['review', '--minutes', '3']).err).toContain('--minutes 只用于 drill');
	});
});
