// A scenario from YAML text (the file is read by the caller: the simulator does no I/O).
import {parseYaml} from '../yaml-source.js';
import {type Scenario, parseScenario} from './scenario.js';

export function scenarioFromYaml(text: string, file = '<scenario>'): Scenario {
	const src = parseYaml(text, file);
	return parseScenario(src.value, {file, lineAt: src.lineAt});
}
