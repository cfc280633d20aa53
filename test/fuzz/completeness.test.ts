import { describe, expect, it } from 'vitest';
import { harness } from '../app/harness.js';
import { commandSubjects } from './command-inputs.js';
import { excluded, typedHelperNames } from './coverage.js';
import { exportedFunctions, packageEntries } from './entries.js';
import { subjects } from './subjects.js';

/**
 * Issue 12, "What must show": the fuzz covers every public function and
 * command. Every function a package entry exports at run time is a fuzzed
 * subject (test/fuzz/subjects.ts), a typed helper fuzzed for hangs, or an
 * exclusion with its reason (test/fuzz/coverage.ts); every member of the
 * application is a fuzzed command (test/fuzz/command-inputs.ts).
 */
describe('the fuzz covers the whole public surface', () => {
  it('reads every entry of package.json exports', async () => {
    const entries = await packageEntries();
    expect(entries.map((e) => e.subpath)).toEqual(expect.arrayContaining(['.', './money', './calendar', './agreements', './negativation', './ruler', './adapters/bureau-http']));
  });

  it('every exported function is a fuzzed subject, a typed helper or a reasoned exclusion', async () => {
    const covered = new Set(Object.values(subjects).flatMap((s) => s.covers));
    const missing: string[] = [];
    for (const [fn, { names, where }] of await exportedFunctions()) {
      if (covered.has(fn)) continue;
      if ([...names].some((name) => typedHelperNames.has(name) || name in excluded)) continue;
      missing.push(where.join(', '));
    }
    // A new export lands here: add it to test/fuzz/subjects.ts (answers a Result) or test/fuzz/coverage.ts (typed helper or exclusion, with the reason).
    expect(missing).toEqual([]);
  });

  it('a function answering a Result is fuzzed as a subject, not only as a typed helper', async () => {
    const covered = new Set(Object.values(subjects).flatMap((s) => s.covers));
    const boundaries = ['parseMoney', 'parseBrl', 'allocate', 'parseCivilDate', 'parseTaxId', 'createCollections', 'parseBureauWebhook', 'readMemorySnapshot', 'transition', 'evaluateRuler', 'readReturnFile'];
    const functions = await exportedFunctions();
    const byName = new Map([...functions].flatMap(([fn, { names }]) => [...names].map((n): [string, unknown] => [n, fn])));
    expect(boundaries.filter((name) => !covered.has(byName.get(name)))).toEqual([]);
  });

  it('every member of the application is a fuzzed command', async () => {
    const { app } = await harness();
    const members = Object.entries(app as unknown as Record<string, unknown>).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    const fuzzed = new Set(Object.values(commandSubjects).map((s) => s.command));
    expect(members.length).toBeGreaterThan(40);
    expect(members.filter((m) => !fuzzed.has(m))).toEqual([]);
  });
});
