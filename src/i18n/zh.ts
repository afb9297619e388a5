// The Simplified Chinese catalogue: imported only when the learner's language is zh (texts.ts).
import type {Catalogue} from './en.js';
import {ZH_CLI} from './zh-cli.js';
import {ZH_ENGINE} from './zh-engine.js';
import {ZH_LAB} from './zh-lab.js';
import {ZH_PLAIN} from './zh-plain.js';
import {ZH_PRACTICE} from './zh-practice.js';
import {ZH_SUMS} from './zh-sums.js';
import {ZH_UI} from './zh-ui.js';

export const ZH: Catalogue = {...ZH_ENGINE, ...ZH_SUMS, ...ZH_UI, ...ZH_PLAIN, ...ZH_CLI, ...ZH_LAB, ...ZH_PRACTICE};
