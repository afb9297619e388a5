// tcp-tutor check [DIR...]: every lesson loads and every question has an answer, for many seeds.
import {checkDirs} from '../lessons/check.js';
import type {Args} from './args.js';
import type {Io} from './io.js';

export function checkCommand(args: Args, io: Io, shippedDir: string): number {
	const dirs = args.positionals.length > 0 ? args.positionals : [shippedDir];
	const report = checkDirs(dirs, args.seeds ?? 200);
	for (const e of report.errors) io.err(`✗ ${e.message}`);
	if (report.errors.length > 0) {
		io.err(`${report.errors.length} problem(s) in ${dirs.join(', ')}.`);
		return 1;
	}
	io.out(`✓ ${report.lessons} lesson(s) in ${dirs.join(', ')}: every question has an answer for ${report.seeds} seeds.`);
	return 0;
}
