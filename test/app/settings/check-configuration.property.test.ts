import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkConfiguration, createCollections, type ConfigurationProblem } from '../../../src/app/index.js';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { addDays, brazilianCalendar, type CivilDate } from '../../../src/calendar/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { invoiceOf, maria } from '../harness.js';

/** A ruler: an e-mail reminder, an SMS after the due date, a negativation at `negativateOn`, optionally a removal after payment. */
function rulerOf(id: string, negativateOn: number, withRemoval: boolean) {
  return {
    id,
    steps: [
      { id: `${id}-lembrete`, offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
      { id: `${id}-atraso`, offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'atraso' } },
      { id: `${id}-negativar`, offsetDays: negativateOn, action: { kind: 'negativate' } },
      ...(withRemoval ? [{ id: `${id}-remover`, offsetDays: 1, action: { kind: 'remove_negativation' } }] : []),
    ],
  };
}

/** A configuration as the tests build it (checked by checkConfiguration itself). */
interface Config {
  rulers: Record<string, ReturnType<typeof rulerOf>>;
  bureaus: string[];
  settings: { general: Record<string, unknown>; branches: Record<string, Record<string, unknown>>; contracts: Record<string, Record<string, unknown>> };
}

/** A configuration with no contradiction: 1–2 rulers, 1–3 branches, each branch's minimum days at most its ruler's negativation day. */
const consistentArb = fc
  .record({
    rulers: fc.array(fc.record({ negativateOn: fc.integer({ min: 12, max: 25 }), withRemoval: fc.boolean() }), { minLength: 1, maxLength: 2 }),
    branches: fc.array(fc.record({ ruler: fc.nat(), slack: fc.integer({ min: 0, max: 10 }), bureau: fc.constantFrom('serasa', 'spc', 'default'), registerAutomatically: fc.constantFrom('yes', 'default') }), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map(({ rulers, branches }): Config => {
    const specs = rulers.map((r, i) => rulerOf(`r${i}`, r.negativateOn, r.withRemoval));
    const minimumOf = (ruler: number, slack: number) => Math.max(1, (rulers[ruler]?.negativateOn ?? 12) - slack);
    return {
      rulers: Object.fromEntries(specs.map((s) => [s.id, s])),
      bureaus: ['serasa', 'spc'],
      settings: {
        general: { ruler: 'r0', bureau: 'serasa', registerAutomatically: 'yes', minimumDaysOverdue: minimumOf(0, 10) },
        branches: Object.fromEntries(
          branches.map((b, i) => {
            const ruler = b.ruler % specs.length;
            return [`b${i}`, { ruler: `r${ruler}`, bureau: b.bureau, registerAutomatically: b.registerAutomatically, minimumDaysOverdue: minimumOf(ruler, b.slack) }];
          }),
        ),
        contracts: {},
      },
    };
  });


/** One contradiction injected into a consistent configuration, with the code and path it must be reported at. */
const contradictionArb = fc.tuple(consistentArb, fc.constantFrom('late-minimum', 'unknown-ruler', 'unknown-bureau', 'manual-removal', 'notice-channel', 'sms-nowhere')).map(([base, kind]) => {
  const config = structuredClone(base);
  const branch = 'b0';
  const level = config.settings.branches[branch] as Record<string, unknown>;
  const rulerId = String(level['ruler']);
  const spec = config.rulers[rulerId] as ReturnType<typeof rulerOf>;
  const negativateIndex = spec.steps.findIndex((s) => s.action.kind === 'negativate');
  switch (kind) {
    case 'late-minimum':
      level['minimumDaysOverdue'] = (spec.steps[negativateIndex]?.offsetDays ?? 0) + 1;
      return { config, code: 'negativate_before_minimum_days', path: ['rulers', rulerId, 'steps', negativateIndex, 'offsetDays'], branch };
    case 'unknown-ruler':
      level['ruler'] = 'r9';
      return { config, code: 'unknown_ruler', path: ['settings', 'branches', branch, 'ruler'], branch };
    case 'unknown-bureau':
      level['bureau'] = 'quod';
      return { config, code: 'unknown_bureau', path: ['settings', 'branches', branch, 'bureau'], branch };
    case 'manual-removal':
      if (!spec.steps.some((s) => s.action.kind === 'remove_negativation')) spec.steps.push({ id: `${rulerId}-remover`, offsetDays: 1, action: { kind: 'remove_negativation' } });
      level['removeAutomatically'] = 'no';
      return { config, code: 'removal_step_while_removal_manual', path: ['rulers', rulerId, 'steps', spec.steps.findIndex((s) => s.action.kind === 'remove_negativation')], branch };
    case 'notice-channel':
      level['defaultNoticeChannel'] = 'email';
      return { config, code: 'notice_channel_not_qualifying', path: ['settings', 'branches', branch, 'defaultNoticeChannel'], branch };
    default: {
      // no level enables SMS, yet every ruler has an SMS step (and the notice still comes from the e-mail reminder)
      config.settings.general['enabledChannels'] = ['email', 'letter'];
      return { config, code: 'channel_never_enabled', path: ['rulers', 'r0', 'steps', 1, 'action', 'channel'], branch: undefined };
    }
  }
});

const check = (config: Config) => checkConfiguration(config as never);
const problemsOf = (config: Config): ConfigurationProblem[] => {
  const result = check(config);
  return result.isOk() ? [] : ((result.error.details?.['problems'] as ConfigurationProblem[] | undefined) ?? []);
};

describe('checkConfiguration accepts exactly the configurations under which every step can run', () => {
  it('a generated contradiction is reported at its path, for the branch it arises in', () => {
    fc.assert(
      fc.property(contradictionArb, ({ config, code, path, branch }) => {
        const result = check(config);
        expect(result.isErr()).toBe(true);
        expect(result._unsafeUnwrapErr().code).toBe('contradictory_configuration');
        const found = problemsOf(config).find((p) => p.code === code && JSON.stringify(p.path) === JSON.stringify(path));
        expect(found, `${code} at ${path.join('.')}`).toBeDefined();
        if (branch !== undefined) expect(found?.subjects.some((s) => s.branch === branch)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a configuration without contradictions is accepted, and the cycle runs every step of every branch within the period', async () => {
    await fc.assert(
      fc.asyncProperty(consistentArb, async (config) => {
        expect(problemsOf(config)).toEqual([]);
        const clock = manualClock('2026-09-25T10:00:00-03:00');
        const store = new MemoryStore();
        const app = createCollections({
          store,
          clock,
          notifier: recordingNotifier(),
          bureaus: { serasa: fakeBureau(), spc: fakeBureau() },
          rates: staticRates(),
          calendar: brazilianCalendar(),
          ids: sequentialIds(),
          creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
          rulers: config.rulers,
          settings: config.settings as never,
        })._unsafeUnwrap();
        const branches = ['', ...Object.keys(config.settings.branches)];
        await store.transaction(async (tx) => {
          await tx.customers.insert(maria);
          for (const b of branches) await tx.invoices.insert(invoiceOf(`i-${b || 'geral'}`, maria.id, '100.00', '2026-10-01', b ? { branchId: b } : {}));
        });
        for (let day: CivilDate = '2026-09-25' as CivilDate; day <= '2026-10-30'; day = addDays(day, 1)) {
          clock.set(`${day}T10:00:00-03:00`);
          (await app.runDailyCycle())._unsafeUnwrap();
        }
        for (const b of branches) {
          const rulerId = String((b ? (config.settings.branches as Record<string, { ruler: string }>)[b]?.ruler : undefined) ?? 'r0');
          const spec = config.rulers[rulerId] as ReturnType<typeof rulerOf>;
          const done = await store.transaction((tx) => tx.actionLog.forInvoice(`i-${b || 'geral'}`));
          const ran = new Set(done.filter((e) => e.action === 'notify' || e.action === 'negativate').map((e) => e.stepId));
          const open = spec.steps.filter((s) => s.action.kind !== 'remove_negativation').map((s) => s.id);
          expect([...ran].sort(), `branch ${b || '(general)'}`).toEqual(open.sort());
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
