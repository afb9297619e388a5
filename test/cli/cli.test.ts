// The built CLI (dist/cli.js), run as a user runs it: arguments, exit codes, output, files.
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {CLI, cli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp-store.js';

const FIX = new URL('../fixtures/scenarios/', import.meta.url).pathname;
const SHIPPED = new URL('../../lessons/', import.meta.url).pathname;

describe('tcp-tutor CLI', () => {
	it('--help and --version', () => {
		const help = cli(['--help']);
		expect(help.code).toBe(0);
		expect(help.out).toContain('Usage');
		expect(help.out).toContain('tcp-tutor trace FILE');
		const version = cli(['--version']);
		expect(version.code).toBe(0);
		expect(version.out.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
	});

	it.each([
		[['frobnicate'], /unknown command "frobnicate"/],
		[['--frob'], /Unknown option '--frob'/],
		[['start'], /start needs one lesson id/],
		[['start', 'no-such-lesson', '--plain'], /no lesson "no-such-lesson"/],
		[['trace', '--seed', 'x', 'f'], /--seed expects a seed, got "x"\. A seed is a whole number from 0 to 4294967295 \(2\^32−1\)/],
		[['trace', 'f', '--seed', '-1'], /^tcp-tutor: --seed expects a seed, got "-1"\. A seed is a whole number from 0 to 4294967295/],
		[['trace', 'f', '--seed=4294967296'], /--seed expects a seed, got "4294967296"/],
		[['trace', 'f', '--seed'], /--seed expects a seed, got nothing\. A seed is/],
		[['check', '--seeds', '0'], /--seeds expects the number of seeds to try per lesson, got "0"\. It is a whole number from 1 to 100000\./],
		[['list', '--lessons', '-x'], /--lessons expects a folder of lesson files, got nothing \(a value that starts with a dash is written --lessons=VALUE\)/],
		[['trace', 'f', '--profile', 'bsd'], /--profile expects linux or textbook, got "bsd"/],
	])('bad usage %j exits 2 with a message, no stack trace', (args, message) => {
		const r = cli(args);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
		expect(r.err).not.toMatch(/\n\s+at /);
		expect(r.err.trim().split('\n'), 'one paragraph').toHaveLength(1);
		expect(r.err).not.toMatch(/\.\./);
	});

	it('trace --json prints the contract, one event a line', () => {
		const r = cli(['trace', join(FIX, 'handshake.yaml'), '--json']);
		expect(r.code).toBe(0);
		const events = r.out.trim().split('\n').map(l => JSON.parse(l));
		const segs = events.filter(e => e.type === 'segment');
		expect(segs[0]).toEqual({type: 'segment', t: 0, from: 'client', to: 'server', conn: 1, flags: ['SYN'], seq: 1000, ack: null, len: 0, win: 65535, fate: 'delivered'});
		expect(segs[1]).toMatchObject({from: 'server', flags: ['ACK', 'SYN'], seq: 5000, ack: 1001});
		expect(events.find(e => e.type === 'state')).toEqual({type: 'state', t: 0, endpoint: 'server', conn: 0, from: 'CLOSED', to: 'LISTEN', cause: 'listen'});
		const relative = cli(['trace', join(FIX, 'handshake.yaml'), '--json', '--relative']).out.trim().split('\n').map(l => JSON.parse(l)).filter(e => e.type === 'segment');
		expect(relative[1]).toMatchObject({seq: 0, ack: 1});
	});

	it('trace draws a ladder diagram without --json', () => {
		const r = cli(['trace', join(FIX, 'handshake.yaml')]);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/SYN,ACK/);
		expect(r.out).toMatch(/ESTABLISHED/);
	});

	it.each([
		['bad-step.yaml', /bad-step\.yaml:5: step 3 \(client\): expected a call/],
		['bad-wait.yaml', /bad-wait\.yaml:3: step 2 \(wait\): expected a duration/],
		['missing.yaml', /missing\.yaml: file: cannot be read \(ENOENT\)/],
	])('a malformed scenario %s names the file, line and what was expected; exit 2', (file, message) => {
		const r = cli(['trace', join(FIX, file)]);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
		expect(r.err).not.toMatch(/\n\s+at /);
	});

	it('check passes on the shipped lessons and fails, naming the question, on a lesson without an answer', () => {
		const ok = cli(['check', '--seeds', '20']);
		expect(ok.code).toBe(0);
		expect(ok.out).toMatch(/every question has an answer for 20 seeds/);
		const dir = tempDir();
		const lesson = readFileSync(new URL('../../lessons/01-handshake-letters.yaml', import.meta.url), 'utf8').replace('segment: 3', 'segment: 4');
		mkdirSync(join(dir, 'l'));
		writeFileSync(join(dir, 'l', 'broken.yaml'), lesson);
		const bad = cli(['check', join(dir, 'l'), '--seeds', '3']);
		expect(bad.code).toBe(1);
		expect(bad.err).toMatch(/broken\.yaml:\d+: question "third" \(flags, seed 1\): has no answer in the trace: step 2 \(client: connect\) sends 3 segment\(s\), not 4/);
	});

	it('check refuses to report success over nothing: a folder without lessons fails', () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'empty'));
		const r = cli(['check', join(dir, 'empty'), SHIPPED, '--seeds', '1']);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/empty: folder: has no lesson files \(\*\.yaml, \*\.yml\): nothing to check/);
		expect(r.out).toBe('');
	});

	it('plain mode through a pipe: answers from a file, progress saved, then resumed', () => {
		const first = cli(['start', 'handshake-letters', '--seed', '7'], {input: '2\n1001\n'});
		expect(first.code).toBe(0);
		expect(first.out).toContain('✓ SYN,ACK');
		expect(first.out).toContain('Input ended: your progress is saved');
		const again = cli(['start', 'handshake-letters'], {input: 'ACK\n1001\n5001\nestablished\n', dir: first.dir});
		expect(again.out).toContain('Resuming where you stopped (seed 7)');
		expect(again.out).toContain('Score: 100%');
		const list = cli(['list', '--json'], {dir: first.dir});
		const entry = list.out.trim().split('\n').map(l => JSON.parse(l)).find(e => e.id === 'handshake-letters');
		expect(entry.progress).toMatchObject({completed: true, bestScore: 100});
	});

	it('--lessons DIR adds third-party lessons; their text is shown with escape sequences stripped', () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'mine'));
		const text = readFileSync(new URL('../../lessons/01-handshake-letters.yaml', import.meta.url), 'utf8')
			.replace('id: handshake-letters', 'id: my-lesson')
			.replace('title: The handshake as letters', 'title: "Mine \\e[31mred\\e[0m \\e]0;pwned\\a"');
		writeFileSync(join(dir, 'mine', 'my.yaml'), text);
		const r = cli(['list', '--lessons', join(dir, 'mine')], {dir});
		expect(r.code).toBe(0);
		expect(r.out).toContain('my-lesson');
		expect(r.out).toContain('Mine red');
		expect(r.out).not.toContain('\u001b');
		const played = cli(['start', 'my-lesson', '--lessons', join(dir, 'mine'), '--seed', '7'], {dir, input: '2\n'});
		expect(played.out).toContain('Mine red');
		expect(played.out).toContain('✓ SYN,ACK');
	});

	it('a 0×0 pseudo-terminal (some CI runners) gets plain mode, not one character a line', () => {
		// `script` started without a terminal of its own gives the program a 0×0 pseudo-terminal.
		const dir = tempDir();
		const r = spawnSync('script', ['-qfec', `node ${CLI} start handshake-letters --seed 7`, '/dev/null'], {
			input: '2\n1001\n', encoding: 'utf8', timeout: 20_000,
			env: {PATH: process.env['PATH'] ?? '', HOME: dir, TCP_TUTOR_CONFIG_DIR: dir, TERM: 'xterm'},
		});
		expect(r.stdout).toContain('Seed 7. Type ? for a hint');
		expect(r.stdout).toContain('✓ SYN,ACK');
	});

	it('list | head does not die of EPIPE', () => {
		const r = spawnSync('sh', ['-c', `node ${CLI} list | head -n 1`], {encoding: 'utf8', env: {PATH: process.env['PATH'] ?? '', TCP_TUTOR_CONFIG_DIR: tempDir()}});
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
	});

	it('progress --export and --import carry progress to another machine; reset asks first', () => {
		const a = cli(['start', 'handshake-letters', '--seed', '7'], {input: '2\n1001\nACK\n1001\n5001\nestablished\n'});
		const file = join(a.dir, 'export.json');
		expect(cli(['progress', '--export', file], {dir: a.dir}).code).toBe(0);
		const b = tempDir();
		expect(cli(['progress', '--import', file], {dir: b}).out).toMatch(/Imported 1 lesson/);
		expect(cli(['progress'], {dir: b}).out).toMatch(/The handshake as letters\s+done, best 100%/);
		expect(cli(['reset'], {dir: b, input: 'n\n'}).out).toContain('Nothing changed.');
		expect(cli(['progress', '--json'], {dir: b}).out).toContain('handshake-letters');
		expect(cli(['reset', '--yes'], {dir: b}).out).toContain('All progress forgotten.');
		expect(JSON.parse(cli(['progress', '--json'], {dir: b}).out).lessons).toEqual({});
	});

	it('progress lines its columns up by display width and cuts titles too long for a column (ASCII, Chinese, emoji, Hangul, a combining mark)', () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'mine'));
		const lesson = readFileSync(join(SHIPPED, '01-handshake-letters.yaml'), 'utf8');
		const long = 'A title far too long for the column of a table, which goes on and on and on';
		// The emoji title is measured by string-width itself in the bundle (src/fast-width.ts leaves it to it).
		for (const [id, title] of [['wide', '三次握手：像写信一样'], ['long', long], ['emoji', 'Wave 👋 cafe\u0301 한국']]) {
			writeFileSync(join(dir, 'mine', `${id}.yaml`), lesson.replace('id: handshake-letters', `id: ${id}`).replace('title: The handshake as letters', `title: "${title}"`));
		}
		const r = cli(['progress', '--lessons', join(dir, 'mine')], {dir});
		expect(r.code).toBe(0);
		const rows = r.out.split('\n').filter(l => l.endsWith('not started'));
		expect(rows.length).toBeGreaterThan(17);
		expect(rows.find(l => l.startsWith('三次握手'))).toBeDefined();
		expect(rows.find(l => l.startsWith('Wave 👋 cafe\u0301 한국'))).toBeDefined();
		expect(new Set(rows.map(l => stringWidth(l)))).toEqual(new Set([stringWidth(rows[0]!)])); // every status in one column
		const cut = rows.find(l => l.startsWith('A title far'))!;
		expect(cut).toMatch(/^A title far too long .*… +not started$/);
		expect(cut).not.toContain('on and on and on');
	});

	it.each([
		['a missing file', (dir: string) => join(dir, 'nope.json'), /nope\.json: progress file: does not exist$/],
		['a file in a missing folder', (dir: string) => join(dir, 'nope', 'x.json'), /x\.json: progress file: does not exist$/],
		['a folder', (dir: string) => dir, /: progress file: is a folder, not a file$/],
		['a file that is not JSON', (dir: string) => {
			writeFileSync(join(dir, 'bad.json'), '{"lessons": ');
			return join(dir, 'bad.json');
		}, /bad\.json: progress file: is not valid JSON \(/],
	])('progress --import of %s says so in words; exit 2', (_name, file, message) => {
		const dir = tempDir();
		const r = cli(['progress', '--import', file(dir)], {dir});
		expect(r.code).toBe(2);
		expect(r.err.trim()).toMatch(message);
		expect(r.err).not.toMatch(/ENOENT|EISDIR/);
	});

	it('progress --export into a missing folder says so in words; exit 1', () => {
		const dir = tempDir();
		const r = cli(['progress', '--export', join(dir, 'nope', 'x.json')], {dir});
		expect(r.code).toBe(1);
		expect(r.err.trim()).toMatch(/^Could not write .*x\.json: its folder does not exist\.$/);
	});

	it('a corrupt progress file is moved aside with a note, and the tutor goes on', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'progress.json'), '{"lessons": {"handshake-letters": ');
		const r = cli(['start', 'handshake-letters', '--seed', '7'], {dir, input: '2\n'});
		expect(r.code).toBe(0);
		expect(r.err).toMatch(/not valid JSON\. It was moved to .*progress\.json\.corrupt-/);
		expect(r.out).toContain('✓ SYN,ACK');
	});
});
