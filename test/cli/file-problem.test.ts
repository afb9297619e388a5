// Why a file could not be read or written, in words: every errno the progress command can meet
// (EACCES cannot be made for real when the tests run as root).
import {describe, expect, test} from 'vitest';
import {fileProblem} from '../../src/file-problem.js';

const errno = (code: string) => Object.assign(new Error(`${code}: something`), {code});

describe('fileProblem', () => {
	test.each([
		['ENOENT', 'read', 'does not exist'],
		['ENOENT', 'write', 'its folder does not exist'],
		['ENOTDIR', 'read', 'part of its path is a file, not a folder'],
		['EISDIR', 'read', 'is a folder, not a file'],
		['EACCES', 'read', 'cannot be read: permission denied (EACCES)'],
		['EPERM', 'write', 'cannot be written: permission denied (EPERM)'],
		['EROFS', 'write', 'cannot be written: the file system is read-only (EROFS)'],
		['ENOSPC', 'write', 'cannot be written: the disk is full (ENOSPC)'],
		['ENOTREGULAR', 'read', 'is not a regular file (a pipe, a socket or a device)'],
		['EIO', 'read', 'cannot be read (EIO)'],
	] as const)('%s while trying to %s: %s', (code, doing, words) => {
		expect(fileProblem(errno(code), doing)).toBe(words);
	});
});
