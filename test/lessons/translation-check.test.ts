// `check` on translations: a missing, unknown or stale key, a placeholder that differs and a glossary
// term broken each fail, naming the translation file, the line and the key; the shipped ones pass.
import {cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkTranslations} from '../../src/lessons/check.js';
import {loadLessons, openCatalog} from '../../src/lessons/catalog.js';
import {loadTexts} from '../../src/i18n/texts.js';
import {playPlain} from '../../src/plain/play.js';
import {sourceHash} from '../../src/lessons/translation.js';
import {cli} from '../helpers/cli.js';
import {scripted, tempDir, tempStore} from '../helpers/temp-store.js';

const SHIPPED = new URL('../../lessons/', import.meta.url).pathname;

/** A folder with lesson 01 and its translation, each changed by `edit`. */
function folder(edit: {english?: (t: string) => string; chinese?: (t: string) => string} = {}): string {
	const dir = tempDir('tcp-tutor-tr-');
	const en = readFileSync(join(SHIPPED, '01-handshake-letters.yaml'), 'utf8');
	writeFileSync(join(dir, '01-handshake-letters.yaml'), (edit.english ?? (t => t))(en));
	mkdirSync(join(dir, 'zh'));
	const zhFile = join(dir, 'zh', 'handshake-letters.yaml');
	cpSync(join(SHIPPED, 'zh', 'handshake-letters.yaml'), zhFile);
	writeFileSync(zhFile, (edit.chinese ?? (t => t))(readFileSync(zhFile, 'utf8')));
	return dir;
}

function problems(dir: string): string[] {
	const {lessons} = loadLessons([dir]);
	return checkTranslations([dir], lessons).errors.map(e => e.message.replace(dir, 'DIR'));
}

describe('check on translations', () => {
	it('passes the shipped translations', () => {
		const {lessons} = loadLessons([SHIPPED]);
		const files = readdirSync(join(SHIPPED, 'zh')).filter(f => f.endsWith('.yaml'));
		expect(files.map(f => f.replace(/\.yaml$/, '')).filter(id => !lessons.some(l => l.id === id))).toEqual([]); // none for a lesson that is gone
		expect(files.length).toBe(lessons.length); // every shipped lesson has its Chinese
		expect(checkTranslations([SHIPPED], lessons)).toEqual({count: files.length, errors: []});
	});

	it('fails on a stale key: the English changed since it was translated (file, line, key)', () => {
		const dir = folder({english: t => t.replace('The girl is at home, waiting for letters.', 'The girl is at home, waiting for a letter.')});
		// The line of the entry's source: the hash to update.
		const line = readFileSync(join(dir, 'zh', 'handshake-letters.yaml'), 'utf8').split('\n').indexOf('  story.listen.analogy:') + 2;
		expect(problems(dir)).toEqual([
			`DIR/zh/handshake-letters.yaml:${line}: key "story.listen.analogy": stale: the English text changed since it was translated (source ${sourceHash('The girl is at home, waiting for letters.')}, now ${sourceHash('The girl is at home, waiting for a letter.')}); update the text, then the hash (tcp-tutor translations shows the English)`,
		]);
	});

	it('fails on a missing key, an unknown key, placeholders that differ and a glossary term', () => {
		const dir = folder({
			english: t => t.replace('Only ACK is set.', 'Only ACK is set, so this segment opens nothing.'),
			chinese: t => t
				.replace(/  outro:\n.*\n.*\n.*\n/, '') // missing
				.replace('  title:', '  question.gone.prompt:\n    source: "00000000"\n    text: 多余的\n  title:') // unknown
				.replace('ack = {ack}。ACK 标志', 'ack = {seq}。ACK 标志') // placeholder
				.replace('这就是三次握手', '这就是三路握手'), // glossary
		});
		const found = problems(dir).join('\n');
		expect(found).toMatch(/zh\/handshake-letters\.yaml:\d+: key "outro": missing/);
		expect(found).toMatch(/zh\/handshake-letters\.yaml:\d+: key "question\.gone\.prompt": unknown/);
		expect(found).toMatch(/key "question\.synack\.explain": placeholders differ from the English: missing \{ack\}; not in the English: \{seq\}/);
		expect(found).toMatch(/key "intro\.tcp": glossary: "三路握手" should be written 三次握手/);
		expect(found).toMatch(/key "question\.third\.hint\.2": stale/);
	});

	it('the CLI exits 1 and says so; translations lists the stale key with the current English', () => {
		const dir = folder({english: t => t.replace('The girl is at home, waiting for letters.', 'The girl waits at home.')});
		const run = cli(['check', dir, '--seeds', '2']);
		expect(run.code).toBe(1);
		expect(run.err).toMatch(/zh\/handshake-letters\.yaml:\d+: key "story\.listen\.analogy": stale/);
		const todo = cli(['translations', dir]);
		expect(todo.code).toBe(0);
		expect(todo.out).toContain(`  story.listen.analogy:\n    source: "${sourceHash('The girl waits at home.')}"\n    text: |-\n      The girl waits at home.`);
		expect(todo.out).toContain('#   女孩在家等信。'); // the old translation, to start from
		expect(todo.out).toMatch(/1 text\(s\) to translate/);
	});

	it('a translation that is stale shows the English in play, and plain mode says so once', async () => {
		const dir = folder({english: t => t.replace('The girl is at home, waiting for letters.', 'The girl waits at home.')});
		const lesson = openCatalog([dir]).load('handshake-letters', 'zh');
		expect(lesson.untranslated).toEqual(['story.listen.analogy']);
		expect(lesson.story[0]!.analogy).toBe('The girl waits at home.');
		expect(lesson.title).toBe('用书信讲三次握手');
		const out: string[] = [];
		await playPlain({lesson, store: tempStore(), seed: 1, fresh: true, input: scripted(['q']), write: l => out.push(l), texts: await loadTexts('zh')});
		expect(out.filter(l => l.includes('暂时显示英文原文'))).toEqual(['注意：本课部分内容还没有中文版，暂时显示英文原文。']);
		expect(out).toContain('  类比：The girl waits at home.');
	});
});
