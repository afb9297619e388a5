import {test} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';
import {eventToJson} from '../../src/sim/trace.js';
test('smoke', () => {
  const s = scenarioFromYaml(`
client: { isn: 1000 }
server: { isn: 5000, port: 80 }
steps:
  - server: listen
  - client: connect
  - client: send 100
  - server: read
  - server: send 200
  - client: read
  - client: close
  - server: close
  - wait: 61s
`);
  const t = run(s, 1);
  for (const e of t.events) if (e.type==='segment' || e.type==='state') console.log(eventToJson(e, true));
});
