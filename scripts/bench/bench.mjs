// npm run bench: tcp-tutor against its floor, as ratios measured in the same run (never a timed test).
// 1. first frame of the menu on a pseudo-terminal vs the minimal bundled ink menu (target ≤ 1.15×), and the
//    Chinese menu's first frame vs the English one (target ≤ 1.05×: only the chosen catalogue is loaded)
// 2. npx --yes ./tarball --version from a clean folder and a fresh cache vs npm --version (target ≤ 1.5 s)
// 3. the simulator: lessons × seeds checked per second by `check` (target: all lessons, 200 seeds, < 2 s)
// 4. the simulator's cost as scenarios grow: time per 100,000 segments (target < 1 s) and how time grows
//    when the steps double (2.0× is linear). `npm run bench -- --sim` measures only this.
// 5. explain on a generated 100 MB capture (and a tenth of it): packets per second and peak memory,
//    which must not grow with the file (it streams). `npm run bench -- --explain` measures only this.
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {cpus, tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';

const root = new URL('../../', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const env = {...process.env};
// NODE_EXTRA_CA_CERTS adds 30–40 ms to every Node start here; CI makes ink render nothing.
for (const k of ['NODE_EXTRA_CA_CERTS', 'CI', 'CONTINUOUS_INTEGRATION']) delete env[k];

const median = xs => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds from spawn until `marker` appears on the pseudo-terminal. */
function firstFrame(command, marker, extraEnv = {}) {
	return new Promise((resolve, reject) => {
		const start = process.hrtime.bigint();
		const child = spawn('script', ['-qfec', `stty cols 100 rows 40; ${command}`, '/dev/null'], {env: {...env, ...extraEnv}, detached: true});
		let out = '';
		const timer = setTimeout(() => finish(new Error(`no "${marker}" within 10 s: ${out.slice(-300)}`)), 10_000);
		function finish(error, ms) {
			clearTimeout(timer);
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
			error ? reject(error) : resolve(ms);
		}
		child.stdout.on('data', d => {
			out += d;
			if (out.includes(marker)) finish(undefined, Number(process.hrtime.bigint() - start) / 1e6);
		});
	});
}

async function timeIt(fn) {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** 4. Bundle scripts/bench/sim-cost.ts and run it: one row per shape of scenario. */
async function simulatorCost(work) {
	const script = join(work, 'sim-cost.mjs');
	await build({entryPoints: [join(root, 'scripts/bench/sim-cost.ts')], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning'});
	const rows = JSON.parse(execFileSync('node', [script, '10000'], {env, encoding: 'utf8'}));
	return rows.map(r => ({...r, msPer100k: (r.ms * 100_000) / r.segments, ok: (r.ms * 100_000) / r.segments < 1000 && r.growth < 3}));
}

/** 5. Bundle scripts/bench/explain-cost.ts and run it on the built CLI: one row per size and output form. */
async function explainCost(work) {
	const script = join(work, 'explain-cost.mjs');
	await build({entryPoints: [join(root, 'scripts/bench/explain-cost.ts')], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning'});
	const mb = Number(process.env.BENCH_EXPLAIN_MB ?? 100);
	return JSON.parse(execFileSync('node', [script, join(root, 'dist/cli.js'), work, String(mb)], {env, encoding: 'utf8'}));
}

function printExplainCost(rows) {
	const small = Math.max(...rows.filter(r => r.megabytes < rows.at(-1).megabytes).map(r => r.peakMb));
	for (const r of rows) {
		const ok = r.peakMb <= Math.max(150, 1.5 * small);
		console.log(`| explain ${r.mode}: ${r.megabytes} MB capture, ${r.packets} packets, ${r.connections} connections | ${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s) | | ${r.packetsPerSecond} packets/s (${r.packetsPerCpuSecond} per CPU second), peak ${r.peakMb} MB | memory flat in file size ${ok ? '✓' : '✗'} |`);
	}
}

function printSimulatorCost(rows) {
	const f = n => n.toFixed(2);
	for (const r of rows) {
		console.log(`| simulator: ${r.steps} steps of ${r.shape} | ${r.segments} segments in ${f(r.ms)} ms | | ${r.segmentsPerSecond} segments/s, ${Math.round(r.msPer100k)} ms per 100,000; twice the steps took ${f(r.growth)}× | < 1 s per 100,000, ≈ 2× ${r.ok ? '✓' : '✗'} |`);
	}
}

async function main() {
	const work = mkdtempSync(join(tmpdir(), 'tcp-tutor-bench-'));
	if (process.argv.includes('--explain')) {
		execFileSync('npm', ['run', 'build', '--silent'], {cwd: root, stdio: 'inherit'});
		const rows = await explainCost(work);
		console.log('| measure | tcp-tutor | baseline | figure | target |\n|---|---|---|---|---|');
		printExplainCost(rows);
		console.log(`\n${JSON.stringify({machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, explain: rows})}`);
		rmSync(work, {recursive: true, force: true});
		return;
	}
	if (process.argv.includes('--sim')) {
		const sim = await simulatorCost(work);
		console.log('| measure | tcp-tutor | baseline | figure | target |\n|---|---|---|---|---|');
		printSimulatorCost(sim);
		console.log(`\n${JSON.stringify({machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, simulator: sim})}`);
		rmSync(work, {recursive: true, force: true});
		return;
	}
	execFileSync('npm', ['run', 'build', '--silent'], {cwd: root, stdio: 'inherit'});
	const minimal = join(work, 'minimal.js');
	await build({
		entryPoints: [join(root, 'scripts/bench/minimal.tsx')], outfile: minimal, bundle: true, platform: 'node', target: 'node20',
		format: 'esm', minify: true, define: {'process.env.NODE_ENV': '"production"'}, logLevel: 'warning',
		alias: {'react-devtools-core': join(root, 'scripts/stubs/react-devtools-core.js')},
		banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	});
	// The menu's footer is the last line of its first frame, in each language (the lesson list above it may scroll).
	const footer = {en: 'q quit', zh: 'q 退出'};

	// 1. First frame, alternating the commands: the floor, the English menu, the Chinese menu (LANG, as a Chinese desktop sets it).
	const tutor = [];
	const floor = [];
	const chinese = [];
	const english = {LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: ''};
	for (let i = 0; i < RUNS; i++) {
		floor.push(await firstFrame(`node ${minimal}`, 'Lesson 15'));
		tutor.push(await firstFrame(`node ${join(root, 'dist/cli.js')}`, footer.en, {...english, TCP_TUTOR_CONFIG_DIR: mkdtempSync(join(work, 'cfg-'))}));
		chinese.push(await firstFrame(`node ${join(root, 'dist/cli.js')}`, footer.zh, {LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', TCP_TUTOR_CONFIG_DIR: mkdtempSync(join(work, 'cfg-'))}));
	}
	const frameRatio = median(tutor) / median(floor);
	const zhRatio = median(chinese) / median(tutor);

	// 2. npx from a clean folder with a fresh cache, against npm --version.
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {cwd: root, encoding: 'utf8'}).trim().split('\n').at(-1);
	const npx = [];
	const npmV = [];
	for (let i = 0; i < RUNS; i++) {
		const dir = mkdtempSync(join(work, 'npx-'));
		const cache = join(dir, '.cache');
		const opts = {cwd: dir, env: {...env, npm_config_cache: cache, npm_config_update_notifier: 'false'}, stdio: 'ignore'};
		execFileSync('cp', [join(work, tarball), dir]);
		npmV.push(await timeIt(() => execFileSync('npm', ['--version'], opts)));
		npx.push(await timeIt(() => execFileSync('npx', ['--yes', `./${tarball}`, '--version'], opts)));
		rmSync(dir, {recursive: true, force: true});
	}

	// 3. The simulator through `check`: every lesson, 200 seeds.
	const lessons = readdirSync(join(root, 'lessons')).filter(f => f.endsWith('.yaml')).length;
	const checks = [];
	for (let i = 0; i < Math.min(RUNS, 5); i++) checks.push(await timeIt(() => execFileSync('node', [join(root, 'dist/cli.js'), 'check', '--seeds', '200'], {env, stdio: 'ignore'})));
	const checkMs = median(checks);
	const sim = await simulatorCost(work);
	const explain = await explainCost(work);

	const result = {
		machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
		runs: RUNS,
		firstFrame: {tutorMs: median(tutor), floorMs: median(floor), ratio: frameRatio, target: 1.15, ok: frameRatio <= 1.15},
		chineseFirstFrame: {chineseMs: median(chinese), englishMs: median(tutor), ratio: zhRatio, target: 1.05, ok: zhRatio <= 1.05},
		npx: {npxSeconds: median(npx) / 1000, npmVersionSeconds: median(npmV) / 1000, target: 1.5, ok: median(npx) / 1000 <= 1.5},
		check: {lessons, seeds: 200, seconds: checkMs / 1000, lessonSeedsPerSecond: Math.round((lessons * 200) / (checkMs / 1000)), target: 2, ok: checkMs / 1000 < 2},
		simulator: sim,
		explain,
	};
	const f = n => n.toFixed(2);
	console.log(`machine: ${result.machine}; medians of ${RUNS} runs\n`);
	console.log('| measure | tcp-tutor | baseline | figure | target |');
	console.log('|---|---|---|---|---|');
	console.log(`| first frame of the menu | ${f(result.firstFrame.tutorMs)} ms | ${f(result.firstFrame.floorMs)} ms (minimal ink menu) | ${f(frameRatio)}× | ≤ 1.15× ${result.firstFrame.ok ? '✓' : '✗'} |`);
	console.log(`| first frame of the menu in Chinese | ${f(result.chineseFirstFrame.chineseMs)} ms | ${f(result.chineseFirstFrame.englishMs)} ms (the English menu) | ${f(zhRatio)}× | ≤ 1.05× ${result.chineseFirstFrame.ok ? '✓' : '✗'} |`);
	console.log(`| npx --yes ./tarball --version | ${f(result.npx.npxSeconds)} s | ${f(result.npx.npmVersionSeconds)} s (npm --version) | ${f(result.npx.npxSeconds)} s | ≤ 1.5 s ${result.npx.ok ? '✓' : '✗'} |`);
	console.log(`| check: ${lessons} lessons × 200 seeds | ${f(result.check.seconds)} s | | ${result.check.lessonSeedsPerSecond} lesson-seeds/s | < 2 s ${result.check.ok ? '✓' : '✗'} |`);
	printSimulatorCost(sim);
	printExplainCost(explain);
	console.log(`\n${JSON.stringify(result)}`);
	rmSync(work, {recursive: true, force: true});
}

await main();
