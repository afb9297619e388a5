// Why a file could not be read or written, in words rather than an errno code.

/** Our own codes, for what the system allows but we refuse. */
export const NOT_A_FILE = 'ENOTREGULAR';
export const TOO_LARGE = 'ETOOLARGE';

export function fileError(code: string, path: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: ${path}`), {code, path});
}

/** What is wrong with the file, as a phrase that follows its name ("FILE: does not exist"). */
const ABOUT_THE_FILE: Readonly<Record<string, string>> = {
	ENOTDIR: 'part of its path is a file, not a folder', EISDIR: 'is a folder, not a file',
	[NOT_A_FILE]: 'is not a regular file (a pipe, a socket or a device)', [TOO_LARGE]: 'is far larger than any file of its kind',
};
/** Why the system refused, as a phrase ("cannot be written: the disk is full"). */
const REFUSED: Readonly<Record<string, string>> = {
	EACCES: 'permission denied (EACCES)', EPERM: 'permission denied (EPERM)', EROFS: 'the file system is read-only (EROFS)',
	ENOSPC: 'the disk is full (ENOSPC)', EDQUOT: 'the disk quota is used up (EDQUOT)', ELOCKED: 'another tcp-tutor kept it locked',
};

export function fileProblem(error: unknown, doing: 'read' | 'write'): string {
	const code = (error as NodeJS.ErrnoException).code ?? '';
	if (code === 'ENOENT') return doing === 'read' ? 'does not exist' : 'its folder does not exist';
	const about = ABOUT_THE_FILE[code];
	if (about) return about;
	const refused = REFUSED[code];
	return `cannot be ${doing === 'read' ? 'read' : 'written'}${refused ? `: ${refused}` : ` (${code || (error as Error).message})`}`;
}
