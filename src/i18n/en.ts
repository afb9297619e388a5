// The English catalogue: every string the tutor shows, by key. English is the fallback for any key
// another language lacks.
import {EN_CLI} from './en-cli.js';
import {EN_ENGINE} from './en-engine.js';
import {EN_LAB} from './en-lab.js';
import {EN_PLAIN} from './en-plain.js';
import {EN_PRACTICE} from './en-practice.js';
import {EN_SUMS} from './en-sums.js';
import {EN_UI} from './en-ui.js';

export const EN = {...EN_ENGINE, ...EN_SUMS, ...EN_UI, ...EN_PLAIN, ...EN_CLI, ...EN_LAB, ...EN_PRACTICE};

export type MessageKey = keyof typeof EN;

/** A language's catalogue: every key but the ".1" forms (a language without plurals leaves them out). */
export type Catalogue = {readonly [K in MessageKey as K extends `${string}.1` ? never : K]: string}
	& {readonly [K in MessageKey as K extends `${string}.1` ? K : never]?: string};

/** One part's translation (zh-ui.ts of en-ui.ts …): every text of the English part but its ".1" forms. */
export type PartTranslation<Part> = {readonly [K in keyof Part as K extends `${string}.1` ? never : K]: string};
