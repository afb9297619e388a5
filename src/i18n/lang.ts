// The learner's language: --lang, else the one chosen before (kept in the progress store), else the
// environment's locale as POSIX orders it (LC_ALL, then LC_MESSAGES, then LANG), else English.
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** "zh", "zh-CN", "zh_CN.UTF-8", "ZH" → zh; "en", "en_US" → en; anything else undefined. */
export function readLang(text: string | undefined): Lang | undefined {
	const t = (text ?? '').trim().toLowerCase();
	if (/^zh(?:[-_.@]|$)/.test(t)) return 'zh';
	if (/^en(?:[-_.@]|$)/.test(t)) return 'en';
	return undefined;
}

/** The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set decides (zh* → zh, any other → en). */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
	for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
		const v = env[name];
		if (v) return readLang(v) === 'zh' ? 'zh' : 'en';
	}
	return 'en';
}

/** --lang wins, then what the learner chose before, then the locale. */
export function chooseLang(flag: Lang | undefined, stored: Lang | undefined, env: NodeJS.ProcessEnv): Lang {
	return flag ?? stored ?? langFromEnv(env);
}

/** The other language, for the menu's switch. */
export function otherLang(lang: Lang): Lang {
	return lang === 'en' ? 'zh' : 'en';
}
