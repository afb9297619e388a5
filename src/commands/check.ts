// tcp-tutor check [DIR...]: every lesson loads and every question has an answer, for many seeds.
import {breather, checkDirs} from '../lessons/check.js';
import {lessonFiles} from '../lessons/load.js';
import {InputError} from '../yaml-source.js';
import type {Args} from './args.js';
import type {Io} from './io.js';

/** A folder without lesson files would pass while checking nothing (a typo in its name, say). */
function emptyFolders(dirs: readonly string[]): InputError[] {
	return dirs.filter(dir => {
		try {
			return lessonFiles(dir).length === 0;
		} catch {
			return false; // an unreadable folder: checkDirs reports it
		}
	}).map(dir => new InputError(dir, undefined, 'folder', 'has no lesson files (*.yaml, *.yml): nothing to check'));
}

export async function checkCommand(args: Args, io: Io, shippedDir: string): Promise<number> {
	const dirs = args.positionals.length > 0 ? args.positionals : [shippedDir];
	const seeds = args.seeds ?? 200;
	// Minutes of work say so, and how to stop it (the shipped lessons at 200 seeds take about a second).
	const report = await checkDirs(dirs, seeds, breather(), lessons => {
		if (lessons * seeds > 20_000) io.err(io.texts.n('check.long', lessons, {lessons, seeds}));
	});
	const errors = [...emptyFolders(dirs), ...report.errors];
	for (const e of errors) io.err(`✗ ${e.message}`);
	if (errors.length > 0) {
		io.err(io.texts.t('check.problems', {n: errors.length, dirs: dirs.join(', ')}));
		return 1;
	}
	io.out(io.texts.t('check.ok', {lessons: report.lessons, dirs: dirs.join(', '), seeds: report.seeds}));
	if (report.translations > 0) io.out(io.texts.t('check.translations', {n: report.translations}));
	return 0;
}
