import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { createCollections } from '../../src/app/index.js';
import { brazilianCalendar, civilDate } from '../../src/calendar/index.js';
import { brl } from '../../src/money/index.js';
import { fakeBureau, recordingNotifier, sequentialIds, staticRates } from '../../src/testing/index.js';

/** The README's wiring example, as written (its imports and the host's own adapters supplied by the test). */
function readmeWiring(): string {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Running collections over your storage'));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README: no wiring example under "Running collections over your storage"');
  return block
    .split('\n')
    .filter((line) => !line.startsWith('import '))
    .join('\n');
}

describe("the README's wiring example", () => {
  it('runs as written: createCollections accepts its configuration and the daily cycle runs', async () => {
    const code = readmeWiring();
    expect(code).toContain('createCollections(');
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;
    const run = new AsyncFunction('createCollections', 'brazilianCalendar', 'MemoryStore', 'brl', 'civilDate', 'fakeBureau', 'recordingNotifier', 'staticRates', 'sequentialIds', `${code}\nreturn { app, report };`);
    const { report } = (await run(createCollections, brazilianCalendar, MemoryStore, brl, civilDate, fakeBureau, recordingNotifier, staticRates, sequentialIds)) as { report: { isOk(): boolean } };
    expect(report.isOk()).toBe(true);
  });
});
