import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './io.js';

const CONFIG = 'examples/cli/configuration.json';
const PORTFOLIO = 'examples/cli/portfolio.csv';
const scratch = mkdtempSync(join(tmpdir(), 'cobranca-cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

describe('cobranca: --help on every command', () => {
  it.each([[[]], [['simulate']], [['agreement']], [['ruler']], [['ruler', 'check']], [['ruler', 'run']], [['negativation', 'explain']]])('%j --help exits 0 with usage', async (words) => {
    const run = await cli(...words, '--help');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage: cobranca/);
  });

  it('an unknown command or flag is one usage error and a non-zero exit', async () => {
    expect((await cli('simulat')).code).toBe(1);
    expect((await cli('agreement', '--nope')).code).toBe(1);
  });
});

describe('cobranca agreement', () => {
  const flags = ['agreement', '--amount', '373.52', '--due', '2026-10-10', '--as-of', '2026-11-24', '--installments', '3', '--first-due', '2026-12-10', '--tolerance', '2026-12-20', '--fine', '2', '--fees', '30.00', '--discount', '5'];

  it('prints the plan as a table whose installments add up to the total (the quickstart example)', async () => {
    const run = await cli(...flags);
    expect(run.code).toBe(0);
    expect(run.out).toContain('R$ 155,75');
    expect(run.out).toContain('total R$ 392,31 in 3 installment(s)');
  });

  it('--json gives amounts as decimal strings that add up exactly', async () => {
    const run = await cli(...flags, '--json');
    const plan = JSON.parse(run.out) as { total: string; installments: { amount: string }[] };
    expect(plan.total).toBe('392.31');
    expect(plan.installments.map((i) => i.amount)).toEqual(['155.75', '118.28', '118.28']);
  });

  it('a bad flag is one line naming the flag, exit 1', async () => {
    const run = await cli(...flags.map((f) => (f === '373.52' ? '37x' : f)));
    expect(run.code).toBe(1);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/^cobranca: --amount: expected an amount such as '12\.34', got '37x'/);
  });

  it('a JSON proposal with a bad field names the field and its line in the file', async () => {
    const proposal = file('proposal.json', `{
  "kind": "new_proposal",
  "asOf": "2026-11-24",
  "invoices": [{ "id": "f-1", "amount": "373.52", "dueDate": "2026-10-10" }],
  "selectedInvoiceIds": ["f-1"],
  "toleranceDate": "2026-12-20",
  "category": "renegociação",
  "installments": { "kind": "regular", "count": 0, "firstDueDate": "2026-12-10", "description": "Acordo", "paymentProfile": "boleto" }
}
`);
    const run = await cli('agreement', '--file', proposal);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(`^cobranca: ${proposal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8: installments\\.count`));
  });

  it('bad JSON names its line', async () => {
    const run = await cli('agreement', '--file', file('broken.json', '{\n  "kind": "new_proposal",\n  oops\n}\n'));
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/broken\.json:3: not valid JSON/);
  });
});

describe('cobranca ruler check', () => {
  it('accepts the example configuration and explains what fires for a sample invoice', async () => {
    const run = await cli('ruler', 'check', CONFIG, '--due', '2026-10-01', '--on', '2026-10-16', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { ruler: string; sample: { firesOn: { stepId: string }[]; timeline: { day: string }[] } };
    expect(out.ruler).toBe('padrao');
    expect(out.sample.firesOn.map((a) => a.stepId)).toEqual(['negativar']);
    // 12 Oct is a holiday and 11 Oct a Sunday: the D+10 forward waits for the 13th
    expect(out.sample.timeline.map((t) => t.day)).toEqual(['2026-09-28', '2026-10-02', '2026-10-13', '2026-10-16']);
  });

  it('a step the settings make impossible (negativate without a notice before it) names the file line of the step', async () => {
    const config = file('contradiction.json', `{
  "rulers": {
    "padrao": {
      "steps": [
        { "id": "negativar", "offsetDays": 5, "action": { "kind": "negativate" } }
      ]
    }
  },
  "settings": { "general": { "ruler": "padrao", "registerAutomatically": "yes", "minimumDaysOverdue": 30 } }
}
`);
    const run = await cli('ruler', 'check', config);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/contradiction\.json:5: rulers\.padrao\.steps\[0\]: .*\(negativation_without_notice\)$/);
  });

  it('an unknown setting names its line', async () => {
    const config = file('unknown.json', '{\n  "rulers": { "r": { "steps": [] } },\n  "settings": {\n    "general": { "registerAutomaticaly": "yes" }\n  }\n}\n');
    const run = await cli('ruler', 'check', config);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/unknown\.json:4: /);
  });
});

describe('cobranca ruler run', () => {
  it('runs a CSV portfolio day by day on the embedded store', async () => {
    const run = await cli('ruler', 'run', '--config', CONFIG, '--portfolio', PORTFOLIO, '--from', '2026-10-14', '--to', '2026-10-16', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { days: { day: string; invoices: number; evaluated: number; actions: number }[] };
    expect(out.days.map((d) => d.day)).toEqual(['2026-10-14', '2026-10-15', '2026-10-16']);
    expect(out.days.every((d) => d.invoices === 3)).toBe(true);
    // the first day evaluates every invoice; later days only those whose evaluation can change (the store's wake index)
    expect(out.days[0]?.evaluated).toBe(3);
    expect(out.days.every((d) => d.evaluated <= 3)).toBe(true);
    expect(out.days.reduce((n, d) => n + d.actions, 0)).toBeGreaterThan(0);
  });

  it('a bad CSV field names its line and column', async () => {
    const csv = file('bad.csv', 'customerId,name,taxId,invoiceId,amount,dueDate\nc-1,Maria,52998224725,f-1,10.00,2026-10-01\nc-2,João,52998224700,f-2,10.00,2026-10-01\n');
    const run = await cli('ruler', 'run', '--config', CONFIG, '--portfolio', csv);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/bad\.csv:3: taxId: /);
  });
});

describe('cobranca negativation explain', () => {
  it('gives the nine states, every guard with its legal basis and the sample deadlines', async () => {
    const run = await cli('negativation', 'explain', '--due', '2026-10-01', '--as-of', '2026-11-24', '--notice-on', '2026-11-10', '--paid-on', '2026-11-19', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { statuses: unknown[]; guards: { guard: string; basis: string }[]; sample: { deadlines: Record<string, string>; verdicts: Record<string, unknown[]> } };
    expect(out.statuses).toHaveLength(9);
    expect(new Set(out.guards.map((g) => g.guard))).toEqual(new Set(['debtor_data', 'no_duplicate', 'minimum_amount', 'minimum_days_overdue', 'age_limit', 'prescription', 'not_paid', 'not_in_agreement', 'not_disputed', 'prior_notice']));
    expect(out.guards.find((g) => g.guard === 'prior_notice')?.basis).toContain('CDC art. 43 §2');
    // funds on Thursday 19 Nov; 20 Nov is a holiday: five business days → 27 Nov (Súmula 548)
    expect(out.sample.deadlines['removalDeadline']).toBe('2026-11-27');
    expect(out.sample.deadlines['earliestSubmissionOn']).toBe('2026-11-20');
    expect(out.sample.verdicts['submission']).toEqual([]);
  });

  it('a bad date names its flag', async () => {
    const run = await cli('negativation', 'explain', '--due', '2026-13-01', '--as-of', '2026-11-24');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^cobranca: --due: /);
  });
});
