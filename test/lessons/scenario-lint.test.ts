// tcp-tutor check: a scenario call that fails because the scenario is wrong (not because TCP refuses it) is reported.
import {describe, expect, it} from 'vitest';
import {scenarioMistakes} from '../../src/lessons/scenario-lint.js';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';

describe('check reports a scenario whose calls cannot do what the lesson means', () => {
	it('connect() on a connected socket (EISCONN) and listen() on a connected one (EINVAL), each with its step and line', () => {
		const yaml = 'steps:\n  - server: listen\n  - client: connect\n  - client: connect\n  - client: listen\n';
		const mistakes = scenarioMistakes(run(scenarioFromYaml(yaml, 'x.yaml'), 1), 'x.yaml', 1).map(String);
		expect(mistakes).toHaveLength(2);
		expect(mistakes[0]).toMatch(/x\.yaml:4.*step 3 "client: connect".*EISCONN: the socket is still connected/);
		expect(mistakes[1]).toMatch(/x\.yaml:5.*step 4 "client: listen".*EINVAL/);
		// Linux inet_listen: listen() again on a listener only sets its backlog, as a server restarting its loop may do.
		expect(scenarioMistakes(run(scenarioFromYaml('steps:\n  - server: listen\n  - server: listen\n', 'again.yaml'), 1), 'again.yaml', 1)).toEqual([]);
		expect(scenarioMistakes(run(scenarioFromYaml('steps:\n  - server: listen\n  - client: connect\n', 'ok.yaml'), 1), 'ok.yaml', 1)).toEqual([]);
	});
});
