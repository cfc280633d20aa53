import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulation, type SimulationOptions } from '../../src/cli/simulate/run.js';
import type { SimulationSummary } from '../../src/cli/simulate/summary.js';
import { PHASES } from '../../src/cli/simulate/phases.js';
import { cli } from './io.js';

/** A small run (the suite stays fast): 40 customers, 200 invoices, 75 days. */
const SMALL: SimulationOptions = { seed: 7, customers: 40, invoicesPerCustomer: 5, days: 75, start: '2026-08-03' as SimulationOptions['start'], store: { kind: 'memory' } };
/** Output directories the tests made, removed at the end. */
const outputs: string[] = [];
const scratch = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  outputs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of outputs) rmSync(dir, { recursive: true, force: true });
});
const withoutTiming = (s: SimulationSummary) => ({ ...s, seconds: 0, cpuSeconds: 0, cpuByPhase: undefined });

describe('cobranca simulate: a synthetic portfolio through createCollections, day by day', async () => {
  const first = (await runSimulation(SMALL))._unsafeUnwrap();

  it('checks its own invariants, and they hold', () => {
    expect(first.invariants.map((i) => i.name)).toEqual([
      'no ruler action twice',
      'no message twice',
      'no registration without a notice 10 days before',
      'no removal after its Súmula 548 deadline',
      'every centavo received accounted for',
    ]);
    expect(first.invariants.filter((i) => !i.holds)).toEqual([]);
  });

  it('shows what the library is for: messages on several channels, agreements kept and broken, registrations and removals, money recovered', () => {
    expect(Object.keys(first.messagesByChannel).length).toBeGreaterThanOrEqual(3);
    expect(first.agreements.made).toBeGreaterThan(0);
    expect(first.agreements.fulfilled + first.agreements.broken + first.agreements.active).toBe(first.agreements.made);
    expect(first.registrationsByStatus['negativated'] ?? 0).toBeGreaterThan(0);
    expect(first.removals.requested).toBeGreaterThan(0);
    expect(first.removals.pastDeadline).toBe(0);
    expect(first.recoveredCents).toBe(Object.values(first.recoveredByMonth).reduce((a, b) => a + b, 0));
    expect(first.recoveredCents).toBe(Object.values(first.recoveredByBranch).reduce((a, b) => a + b, 0));
    expect(first.recoveredCents).toBe(Object.values(first.recoveredByStep).reduce((a, b) => a + b, 0));
    expect(first.refusals).toEqual({});
    expect(first.failedEffects).toEqual({});
  });

  it('splits its CPU seconds by part of the run: the daily cycles against the simulation\'s own work', () => {
    const phases = first.cpuByPhase;
    expect(Object.keys(phases)).toEqual([...PHASES]);
    expect(phases.cycle).toBeGreaterThan(0);
    expect(Object.values(phases).every((seconds) => seconds >= 0)).toBe(true);
    // the phases are parts of the run, measured inside it (each rounded to the millisecond)
    expect(Object.values(phases).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(first.cpuSeconds + 0.005);
  });

  it('is reproducible from its seed', async () => {
    const again = (await runSimulation(SMALL))._unsafeUnwrap();
    expect(withoutTiming(again)).toEqual(withoutTiming(first));
  });

  it('the command prints the summary, the invariants and the report path, and writes a self-contained report', async () => {
    const out = scratch('cobranca-simulate-');
    const run = await cli('simulate', '--seed', '7', '--customers', '40', '--days', '75', '--store', 'memory', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/ok {3}no registration without a notice 10 days before/);
    expect(run.out).toContain(`Report: ${join(out, 'report.html')}`);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|src="http|href="http|url\(http/);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(9);
    expect(html.match(/<section class="panel"/g)).toHaveLength(9);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('runs on PGlite in a temporary directory (--store pglite) with the same invariants', async () => {
    const tiny = (await runSimulation({ ...SMALL, customers: 2, days: 12, store: { kind: 'pglite' } }))._unsafeUnwrap();
    expect(tiny.store).toBe('PGlite (temporary directory)');
    expect(tiny.invariants.filter((i) => !i.holds)).toEqual([]);
    expect(withoutTiming({ ...tiny, store: '' })).toEqual(withoutTiming({ ...(await runSimulation({ ...SMALL, customers: 2, days: 12 }))._unsafeUnwrap(), store: '' }));
  }, 300_000);

  it.skipIf(!process.env['COBRANCA_TEST_DATABASE_URL'])('runs on a PostgreSQL server (--database-url) with the same figures as on the memory store', async () => {
    const url = process.env['COBRANCA_TEST_DATABASE_URL'] as string;
    const out = scratch('cobranca-simulate-pg-');
    const run = await cli('simulate', '--seed', '7', '--customers', '2', '--days', '12', '--database-url', url, '--out', out);
    expect(run.code, run.err).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as SimulationSummary;
    expect(summary.store).toMatch(/^PostgreSQL \(schema simulation_7_\d+\)$/);
    const memory = (await runSimulation({ ...SMALL, customers: 2, days: 12 }))._unsafeUnwrap();
    expect({ ...withoutTiming(summary), store: '' }).toEqual(JSON.parse(JSON.stringify({ ...withoutTiming(memory), store: '' })));
  }, 300_000);

  it('a bad flag is one line naming it', async () => {
    const run = await cli('simulate', '--customers', 'many');
    expect(run.code).toBe(1);
    expect(run.err).toBe("cobranca: --customers: expected a whole number from 1 to 1,000,000, got 'many'");
  });
});
