// Plain mode tells the connections of a trace of several apart, as the ladder numbers its arrows:
// a named client by its name (client C), the others by number (client #2); the server's socket by
// the connection it serves; the listener is just "server". A trace of one connection is told as before.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {ENGLISH, loadTexts} from '../../src/i18n/texts.js';
import {lessonFromYaml} from '../../src/lessons/load.js';
import {narrate} from '../../src/plain/narrate.js';
import {connectionNames} from '../../src/sim/connection-names.js';
import {run} from '../../src/sim/run.js';

const lesson = (file: string) => lessonFromYaml(readFileSync(new URL(`../../lessons/${file}`, import.meta.url), 'utf8'), `lessons/${file}`);
const told = async (file: string, lang: 'en' | 'zh' = 'en') => {
	const trace = run(lesson(file).scenario, 5);
	const texts = lang === 'en' ? ENGLISH : await loadTexts('zh');
	return trace.events.map(e => narrate(e, false, texts, connectionNames(trace))).filter(Boolean).join('\n');
};

describe('plain mode names the connection of each event when there are several', () => {
	it('a named client (lesson two-queues: A to E)', async () => {
		const out = await told('21-two-queues.yaml');
		expect(out).toMatch(/t=0s client A calls connect\(\)/);
		expect(out).toMatch(/t=0s client C → server: SYN seq=/);
		expect(out).toMatch(/t=0s server → client C: SYN,ACK /);
		expect(out).toMatch(/t=0s server \(client A's connection\): LISTEN → SYN-RECEIVED/);
		expect(out).toMatch(/t=0s server: CLOSED → LISTEN \(listen\)/); // the listener
		expect(out).not.toMatch(/t=\S+ client → /);
	});

	it('unnamed connections by number, as the ladder draws them (lesson time-wait-in-depth)', async () => {
		const out = await told('22-time-wait-in-depth.yaml');
		expect(out).toMatch(/client #1 → server: SYN/);
		expect(out).toMatch(/client #2 → server: SYN/);
	});

	it('in Chinese too', async () => {
		const out = await told('21-two-queues.yaml', 'zh');
		expect(out).toMatch(/t=0s 客户端 A 调用 connect\(\)/);
		expect(out).toMatch(/t=0s 客户端 C → 服务器：SYN/);
		expect(out).toMatch(/服务器（客户端 A 的连接）：LISTEN → SYN-RECEIVED/);
	});

	it('a trace of one connection is told without names', async () => {
		const out = await told('01-handshake-letters.yaml');
		expect(out).toMatch(/t=0s client → server: SYN seq=1000/);
		expect(out).not.toMatch(/#1|client [A-Z]\b/);
	});
});
