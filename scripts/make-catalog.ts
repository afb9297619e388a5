// Build step: write dist/catalog.json, the menu entries of the shipped lessons keyed by content hash,
// so that drawing the menu parses no YAML; and dist/catalog.<lang>.json, their titles and summaries in
// each other language. Fails the build if a shipped lesson is invalid.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {loadLibraries} from '../src/deferred.js';
import {basename} from 'node:path';
import {LANGS} from '../src/i18n/lang.js';
import {type CatalogFile, type LangCatalogFile, entryOf, langKey, sha1, translatedEntry} from '../src/lessons/catalog.js';
import {lessonFiles, lessonFromYaml, readLessonText} from '../src/lessons/load.js';
import {translationPath} from '../src/lessons/translation-files.js';

await loadLibraries();
const [dir, out] = process.argv.slice(2) as [string, string];
const lessons = lessonFiles(dir).map(file => {
	const text = readLessonText(file);
	return {file, text, lesson: lessonFromYaml(text, file)};
});
const catalog: CatalogFile = {version: 1, lessons: lessons.map(({file, text, lesson}) => {
	const {file: _file, ...entry} = entryOf(lesson);
	return {file: basename(file), sha1: sha1(text), entry};
})};
writeFileSync(out, `${JSON.stringify(catalog)}\n`);

for (const lang of LANGS) {
	if (lang === 'en') continue;
	const entries: LangCatalogFile['lessons'][number][] = [];
	for (const {file, text, lesson} of lessons) {
		const path = translationPath(file, lang, lesson.id);
		if (!existsSync(path)) continue;
		entries.push({key: langKey(text, readFileSync(path, 'utf8')), ...translatedEntry(lesson, lang)});
	}
	const langCatalog: LangCatalogFile = {version: 1, lessons: entries};
	writeFileSync(out.replace(/\.json$/, `.${lang}.json`), `${JSON.stringify(langCatalog)}\n`);
}
