import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {type CatalogFile, openCatalog, sha1} from '../../src/lessons/catalog.js';
import {tempDir} from '../helpers/temp-store.js';

const first = new URL('../../lessons/01-handshake-letters.yaml', import.meta.url).pathname;

function folder() {
	const dir = join(tempDir(), 'lessons');
	mkdirSync(dir);
	copyFileSync(first, join(dir, '01-handshake-letters.yaml'));
	return dir;
}

describe('the lesson catalog', () => {
	it('takes a lesson whose hash is in the build-time catalog from it, without parsing the file', () => {
		const dir = folder();
		const text = readFileSync(first, 'utf8');
		const built: CatalogFile = {version: 1, lessons: [{file: '01-handshake-letters.yaml', sha1: sha1(text),
			entry: {id: 'handshake-letters', title: 'FROM THE CATALOG', summary: 's', level: 'beginner', tags: ['handshake'], minutes: 5, questions: 3}}]};
		const catalog = openCatalog([dir], built);
		expect(catalog.entries.map(e => e.title)).toEqual(['FROM THE CATALOG']);
		expect(catalog.load('handshake-letters').title).toBe('The handshake as letters'); // parsed when opened
	});

	it('parses a file the catalog does not know (edited since the build), and reports a broken one without losing the rest', () => {
		const dir = folder();
		writeFileSync(join(dir, '02-broken.yaml'), 'formatVersion: 1\nid: broken\ntitle: [\n');
		const built: CatalogFile = {version: 1, lessons: [{file: '01-handshake-letters.yaml', sha1: 'stale', entry: {id: 'x', title: 'STALE', summary: 's', level: 'beginner', tags: ['handshake'], minutes: 1, questions: 1}}]};
		const catalog = openCatalog([dir], built);
		expect(catalog.entries.map(e => e.title)).toEqual(['The handshake as letters']);
		expect(catalog.errors.map(String)).toEqual([expect.stringMatching(/02-broken\.yaml:\d+: YAML syntax/)]);
	});

	it('refuses a second lesson with the same id, naming both files', () => {
		const dir = folder();
		copyFileSync(first, join(dir, '99-copy.yaml'));
		const catalog = openCatalog([dir]);
		expect(catalog.entries).toHaveLength(1);
		expect(String(catalog.errors[0])).toMatch(/99-copy\.yaml:2: id: "handshake-letters" is already used by .*01-handshake-letters\.yaml/);
	});

	it('names a missing folder', () => {
		expect(String(openCatalog(['/nonexistent/lessons']).errors[0])).toMatch(/\/nonexistent\/lessons: folder: cannot be read \(ENOENT\)/);
	});
});
