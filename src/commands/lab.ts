// tcp-tutor lab LESSON|FILE: the scenario's calls on real sockets on loopback, and after each step the
// kernel's state of every socket beside the simulator's prediction. Loaded by cli.tsx only when the
// command runs, so the menu's first frame never pays for it.
import {existsSync, statSync} from 'node:fs';
import {release} from 'node:os';
import type {Texts} from '../i18n/texts.js';
import {kernelReader} from '../lab/kernel.js';
import type {Adjustment} from '../lab/predict.js';
import {type LabStep, type Row, runLab} from '../lab/run.js';
import {SYSCTL_NAMES, kernelSysctls, setByScenario, sysctlDifferences, sysctlText} from '../lab/sysctls.js';
import type {Catalog} from '../lessons/catalog.js';
import {lessonFromYaml, readLessonText} from '../lessons/load.js';
import {scenarioFromYaml} from '../sim/load.js';
import type {Scenario} from '../sim/scenario.js';
import {isRecord, parseYaml} from '../yaml-source.js';
import {type Args, UsageError} from './args.js';
import {findEntry} from './start.js';
import type {Io} from './io.js';

/** Waits in plain mode (a pipe, a script) and after the comparison stopped: a few seconds at most. */
export const PLAIN_WAIT_CAP_US = 3_000_000;

export type LabTerminal = {
	/** Rewrite the current line (the countdown); '' clears it. */
	status(text: string): void;
	/** Resolves when the learner presses Enter; the returned function stops listening. */
	onEnter(): {readonly pressed: Promise<void>; stop(): void};
};

export async function labCommand(args: Args, io: Io, catalog: () => Promise<Catalog>, terminal?: LabTerminal): Promise<number> {
	const {t} = io.texts;
	const ref = args.positionals[0];
	if (ref === undefined || args.positionals.length > 1) throw new UsageError(t('lab.needsOne'));
	const reader = kernelReader();
	if (!reader) {
		io.err(`tcp-tutor: ${t('lab.unsupported', {platform: process.platform})}`);
		return 1;
	}
	try {
		await reader.read();
	} catch (error) {
		io.err(`tcp-tutor: ${t('lab.unreadable', {source: reader.source, problem: (error as Error).message})}`);
		return 1;
	}
	const {what, scenario} = await scenarioOf(ref, io, catalog);
	const sysctls = process.platform === 'linux' ? kernelSysctls() : undefined;
	const seed = args.seed ?? 1; // states do not depend on the ISNs
	const interactive = terminal !== undefined && !args.json && !args.plain;
	const header = (port: number) => {
		if (args.json) return;
		io.out(t('lab.head', {what, port, source: reader.source}));
		if ((scenario.server.port ?? 5000) < 1024) io.out(t('lab.port', {port: scenario.server.port ?? 5000}));
		if (process.platform !== 'linux') io.out(t('lab.notLinux', {platform: `${process.platform} ${release()}`}));
		if (scenario.profile !== 'linux') io.out(t('lab.textbook'));
		for (const field of sysctlDifferences(scenario.sysctls, sysctls ?? {})) {
			if (!setByScenario(scenario.sysctls, field)) continue; // a default this machine tunes otherwise is said only if it matters
			io.out(t('lab.sysctl', {name: SYSCTL_NAMES[field] ?? field, scenario: sysctlText(field, scenario.sysctls[field]), kernel: sysctlText(field, sysctls![field]!)}));
		}
		io.out(t('lab.legend'));
	};
	const result = await runLab({
		scenario, seed, reader, ...(sysctls ? {sysctls} : {}),
		wait: (us, comparing) => (interactive && comparing ? countdown(us, terminal, io.texts) : sleepUpTo(Math.min(us, PLAIN_WAIT_CAP_US))),
		onStart: header,
		onStep: step => {
			if (args.json) io.out(JSON.stringify(stepJson(step, scenario, io.texts)));
			else for (const line of stepLines(step, scenario, io.texts)) io.out(line);
		},
	});
	if (!args.json) io.out(summary(result.steps, io.texts));
	return 0;
}

/** The terminal's countdown line and Enter, when both standard input and output are a terminal (outside CI). */
export function ttyTerminal(env: NodeJS.ProcessEnv): LabTerminal | undefined {
	const ci = (env['CI'] !== undefined && env['CI'] !== 'false' && env['CI'] !== '0') || env['CONTINUOUS_INTEGRATION'] !== undefined;
	if (ci || !process.stdin.isTTY || !process.stdout.isTTY) return undefined;
	const stdin = process.stdin;
	return {
		status: text => process.stdout.write(`\r\u001b[K${text}`),
		onEnter() {
			let onData: (b: Buffer) => void = () => {};
			const pressed = new Promise<void>(resolve => {
				onData = b => {
					if (b.includes(3)) process.kill(process.pid, 'SIGINT'); // Ctrl+C in raw mode is a byte: end as a signal does
					else if (b.includes(13) || b.includes(10)) resolve();
				};
			});
			stdin.setRawMode(true);
			stdin.on('data', onData);
			stdin.resume();
			return {pressed, stop: () => {
				stdin.off('data', onData);
				stdin.setRawMode(false);
				stdin.pause();
			}};
		},
	};
}

/** A lesson by id or number, a lesson file, or a scenario file. */
async function scenarioOf(ref: string, io: Io, catalog: () => Promise<Catalog>): Promise<{what: string; scenario: Scenario}> {
	if (existsSync(ref) && !statSync(ref).isDirectory()) {
		const text = readLessonText(ref, 'scenario');
		const value = parseYaml(text, ref).value;
		if (isRecord(value) && 'scenario' in value) return {what: ref, scenario: lessonFromYaml(text, ref).scenario};
		return {what: ref, scenario: scenarioFromYaml(text, ref)};
	}
	const c = await catalog();
	const entry = findEntry(c, ref, io.texts);
	return {what: entry.id, scenario: c.load(entry.id).scenario};
}

function sleepUpTo(us: number): Promise<number> {
	return new Promise(resolve => setTimeout(() => resolve(us), us / 1000));
}

/** A wait in a terminal: the whole of it, counted down each second; Enter ends it early. */
async function countdown(us: number, terminal: LabTerminal, texts: Texts): Promise<number> {
	if (us < 1e6) return sleepUpTo(us);
	const start = Date.now();
	const enter = terminal.onEnter();
	let shown = '';
	const show = () => {
		const text = texts.t('lab.countdown', {wait: seconds(us), left: Math.max(0, Math.ceil((us / 1000 - (Date.now() - start)) / 1000))});
		if (text !== shown) terminal.status(text); // once a second, when the number changes
		shown = text;
	};
	show();
	const tick = setInterval(show, 250);
	try {
		await Promise.race([sleepUpTo(us), enter.pressed]);
	} finally {
		clearInterval(tick);
		enter.stop();
		terminal.status('');
	}
	return Math.min(us, (Date.now() - start) * 1000);
}

const seconds = (us: number) => String(Math.round(us / 1e5) / 10);

function cell(r: Row, {t}: Texts): string {
	const p = {label: r.label, kernel: r.kernel, predicted: r.predicted ?? ''};
	if (r.agree === true) return r.laterMs === undefined ? t('lab.agree', p) : t('lab.agreeLater', {...p, ms: r.laterMs});
	if (r.agree === false) return t('lab.differ', p);
	return r.predicted === undefined ? t('lab.kernelOnly', p) : t(r.predicted === r.kernel ? 'lab.shownSame' : 'lab.shown', p);
}

/** One line for the step (its text, then each socket), and a line for a skip or for where the comparison stops. */
export function stepLines(step: LabStep, scenario: Scenario, texts: Texts): string[] {
	const {t} = texts;
	const head = t('lab.step', {n: String(step.index + 1).padStart(2), text: step.text});
	const note = step.skipped ? t('lab.skipped', {reason: t(`lab.skip.${step.skipped}`)})
		: step.waited && step.waited.us < step.waited.of ? t('lab.waited', {waited: seconds(step.waited.us), wait: seconds(step.waited.of)})
			: step.change === 'more' ? t('lab.change.more') : ''; // SO_REUSEADDR on a listener is said only where it matters (a stop)
	const lines = [`${head}${note ? ` — ${note}` : ''}  ${step.rows.map(r => cell(r, texts)).join(' · ')}`];
	if (step.stop) lines.push(`    ${stopText(step.stop, scenario, texts)}`);
	return lines;
}

/** Why the comparison stops, in words. */
export function stopText(stop: Adjustment | 'unknown', scenario: Scenario, {t}: Texts): string {
	if (stop === 'unknown') return t('lab.stop.unknown');
	switch (stop.kind) {
		case 'skip': return t('lab.stop.skip', {n: stop.step + 1, text: scenario.steps[stop.step]!.text});
		case 'change': return t('lab.stop.change', {n: stop.step + 1, text: scenario.steps[stop.step]!.text, why: t(`lab.change.${stop.change}`)});
		case 'cut': {
			const s = scenario.steps[stop.step]!;
			const of = s.kind === 'wait' ? s.us : s.kind === 'call' ? s.call.forUs ?? 0 : 0;
			return t('lab.stop.cut', {n: stop.step + 1, waited: seconds(stop.waitedUs), wait: seconds(of)});
		}
		case 'sysctl': return t('lab.stop.sysctl', {name: SYSCTL_NAMES[stop.field] ?? stop.field,
			kernel: sysctlText(stop.field, stop.value as never), scenario: sysctlText(stop.field, scenario.sysctls[stop.field])});
		case 'profile': return t('lab.stop.profile');
	}
}

/** One object per step, for tools and tests. */
export function stepJson(step: LabStep, scenario: Scenario, texts: Texts): Record<string, unknown> {
	return {
		step: step.index + 1, text: step.text, status: step.status,
		...(step.skipped ? {skipped: step.skipped, reason: texts.t(`lab.skip.${step.skipped}`)} : {}),
		...(step.change ? {change: step.change} : {}),
		...(step.waited ? {waited: step.waited.us / 1e6, wait: step.waited.of / 1e6} : {}),
		...(step.agree === undefined ? {} : {agree: step.agree}),
		sockets: step.rows.map(r => ({socket: r.label, side: r.side, conn: r.conn, kernel: r.kernel,
			...(r.predicted === undefined ? {} : {predicted: r.predicted}), ...(r.agree === undefined ? {} : {agree: r.agree}),
			...(r.laterMs === undefined ? {} : {laterMs: r.laterMs})})),
		...(step.stop ? {stop: step.stop === 'unknown' ? {kind: 'unknown'} : {kind: step.stop.kind, ...('step' in step.stop ? {step: step.stop.step + 1} : {})},
			stopReason: stopText(step.stop, scenario, texts).replace(/^↳ /, '')} : {}),
	};
}

export function summary(steps: readonly LabStep[], {t}: Texts): string {
	const compared = steps.filter(s => s.status === 'compared');
	const agree = compared.filter(s => s.agree).length;
	return t('lab.summary', {compared: compared.length, agree, differ: compared.length - agree,
		skipped: steps.filter(s => s.status === 'skipped').length, later: steps.filter(s => s.status === 'not-compared').length});
}
