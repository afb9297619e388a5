// The published package: `npm pack`, then npx from a clean folder with a fresh npm cache, as a new
// user would run it. No network is needed: the tarball has no runtime dependencies.
import {execFileSync} from 'node:child_process';
import {copyFileSync, readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/temp-store.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the npm package', () => {
	const work = tempDir('tcp-tutor-pack-');
	const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {cwd: root, encoding: 'utf8'})) as {filename: string; files: {path: string}[]}[];
	const tarball = packed[0]!;

	it('holds the bundle, the catalog, the lessons and the READMEs, and declares no runtime dependency', () => {
		const files = tarball.files.map(f => f.path).sort();
		expect(files).toContain('dist/cli.js');
		expect(files).toContain('dist/catalog.json');
		expect(files).toContain('lessons/01-handshake-letters.yaml');
		expect(files).toContain('lessons/README.md');
		expect(files.filter(f => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {dependencies?: object};
		expect(pkg.dependencies ?? {}).toEqual({});
	});

	it('runs through npx from a clean folder with a fresh cache: --version and list', () => {
		const dir = tempDir('tcp-tutor-npx-');
		copyFileSync(join(work, tarball.filename), join(dir, tarball.filename));
		const env = {PATH: process.env['PATH'] ?? '', HOME: dir, npm_config_cache: join(dir, '.npm-cache'), npm_config_update_notifier: 'false', TCP_TUTOR_CONFIG_DIR: join(dir, 'cfg')};
		const run = (...args: string[]) => execFileSync('npx', ['--yes', `./${tarball.filename}`, ...args], {cwd: dir, env, encoding: 'utf8', timeout: 60_000});
		expect(run('--version').trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
		const list = run('list');
		expect(list).toContain('handshake-letters');
		const shipped = readdirSync(join(root, 'lessons')).filter(f => f.endsWith('.yaml')).length; // every lesson in the folder is in the package
		expect(list).toContain(`0 of ${shipped} lessons done`);
	});
});
