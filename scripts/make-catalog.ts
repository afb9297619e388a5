// Build step: write dist/catalog.json, the menu entries of the shipped lessons keyed by content hash,
// so that drawing the menu parses no YAML. Fails the build if a shipped lesson is invalid.
import {writeFileSync} from 'node:fs';
import {loadLibraries} from '../src/deferred.js';
import {basename} from 'node:path';
import {type CatalogFile, entryOf, sha1} from '../src/lessons/catalog.js';
import {lessonFiles, lessonFromYaml, readLessonText} from '../src/lessons/load.js';

await loadLibraries();
const [dir, out] = process.argv.slice(2) as [string, string];
const lessons = lessonFiles(dir).map(file => {
	const text = readLessonText(file);
	const {file: _file, ...entry} = entryOf(lessonFromYaml(text, file));
	return {file: basename(file), sha1: sha1(text), entry};
});
const catalog: CatalogFile = {version: 1, lessons};
writeFileSync(out, `${JSON.stringify(catalog)}\n`);
