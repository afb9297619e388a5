// The floor: a minimal ink app (a 15-item ink-select-input menu), bundled exactly as tcp-tutor is.
import React from 'react';
import {render} from 'ink';
import SelectInput from 'ink-select-input';

const items = Array.from({length: 15}, (_, i) => ({label: `Lesson ${i + 1}`, value: String(i + 1)}));
const app = render(<SelectInput items={items} onSelect={() => app.unmount()} />);
