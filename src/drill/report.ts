// The drill's report: by topic, how many were right at the first try, and the lessons to study for
// each topic where something was missed.
import type {Outcome} from '../review/run.js';
import {TOPICS, type Topic, topicName} from '../review/topics.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import {duration} from '../amounts.js';

export type TopicReport = {readonly topic: Topic; readonly asked: number; readonly right: number; readonly study: readonly {readonly id: string; readonly title: string}[]};

export type DrillReport = {readonly asked: number; readonly right: number; readonly topics: readonly TopicReport[]};

export function drillReport(outcomes: readonly Outcome[]): DrillReport {
	const topics: TopicReport[] = [];
	for (const topic of TOPICS) {
		const mine = outcomes.filter(o => (o.topic ?? 'handshake') === topic);
		if (mine.length === 0) continue;
		const study: {id: string; title: string}[] = [];
		for (const o of mine) {
			if (o.result.firstTry || study.some(s => s.id === o.lessonId)) continue;
			study.push({id: o.lessonId, title: o.lessonTitle ?? o.lessonId});
		}
		topics.push({topic, asked: mine.length, right: mine.filter(o => o.result.firstTry).length, study});
	}
	return {asked: outcomes.length, right: outcomes.filter(o => o.result.firstTry).length, topics};
}

/** The report as lines (plain mode and the ink screen draw the same). */
export function reportLines(r: DrillReport, ms: number, texts: Texts = ENGLISH): string[] {
	const {t} = texts;
	if (r.asked === 0) return [t('drill.reportNone')];
	const lines = [t('drill.report', {right: r.right, n: r.asked, time: duration(ms, texts)})];
	for (const row of r.topics) {
		const topic = topicName(row.topic, texts);
		lines.push(row.study.length === 0 ? `  ${t('drill.row', {topic, right: row.right, n: row.asked})}`
			: `  ${t('drill.rowStudy', {topic, right: row.right, n: row.asked, lessons: row.study.map(s => t('drill.lesson', s)).join(t('text.comma'))})}`);
	}
	const all = r.topics.flatMap(row => row.study);
	lines.push(all.length === 0 ? t('drill.allRight') : t('drill.study', {lessons: [...new Set(all.map(s => `tcp-tutor start ${s.id}`))].join(' · ')}));
	return lines;
}
