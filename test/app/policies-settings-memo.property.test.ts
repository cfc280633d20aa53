import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConfiguration } from '../../src/app/index.js';
import { resolvePolicies } from '../../src/app/policies.js';
import { subjectOf, subjectSettingsMemo } from '../../src/app/settings/subject-settings-memo.js';
import type { SettingsSubject, SubjectSettings } from '../../src/app/settings/subject-settings.js';
import { brazilianCalendar } from '../../src/calendar/index.js';
import { staticRates } from '../../src/testing/index.js';
import { exampleSpec } from '../ruler/fixtures.js';

/** A tree whose branches and contracts change settings, so subjects resolve to different values. */
const settings = {
  general: { minimumDaysOverdue: 10 },
  branches: { norte: { minimumDaysOverdue: 12 }, sul: { registerAutomatically: 'yes' as const } },
  contracts: { pj: { minimumDaysOverdue: 15 }, pf: { minimumDaysOverdue: 5 } },
};
/** What a subject's settings hold as data (its `pathOf` is a function, compared through the paths it gives). */
function plainPart(s: SubjectSettings): unknown {
  return { subject: s.subject, values: s.values, sources: s.sources, rulerSettings: s.rulerSettings, negativation: s.negativation, bureau: s.bureau, protest: s.protest, ruler: s.ruler.id, path: s.pathOf('minimumDaysOverdue') };
}
/** Known parts, unknown ones, empty text and absence. */
const part = fc.constantFrom(undefined, '', 'norte', 'sul', 'pj', 'pf', 'leste');

describe("policies' settingsFor: remembered per (branch, contract) without a subject object per call", () => {
  it('answers, call after call in any order, the very settings the configuration resolves for the subject', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { minLength: 1, maxLength: 40 }), (calls) => {
        const configuration = checkConfiguration({ rulers: { 'regua-padrao': exampleSpec }, bureaus: ['serasa'], settings })._unsafeUnwrap();
        // The reference: a fresh configuration asked directly with the subject, every call (what settingsFor did before).
        const reference = checkConfiguration({ rulers: { 'regua-padrao': exampleSpec }, bureaus: ['serasa'], settings })._unsafeUnwrap();
        const asked: SettingsSubject[] = [];
        const memo = subjectSettingsMemo((subject) => {
          asked.push(subject);
          return configuration.settingsFor(subject);
        });
        for (const [branch, contract] of calls) {
          const got = memo(branch, contract);
          expect(got).toBe(configuration.settingsFor(subjectOf(branch, contract)));
          // The configuration's own cache is the same one: by parts or by subject, one object per subject.
          expect(configuration.settingsOf(branch, contract)).toBe(got);
          expect(plainPart(got)).toEqual(plainPart(reference.settingsFor(subjectOf(branch, contract))));
        }
        // Each distinct (branch, contract) resolved once.
        const distinct = new Set(calls.map(([branch, contract]) => JSON.stringify([branch ?? null, contract ?? null])));
        expect(asked).toHaveLength(distinct.size);
      }),
      { numRuns: 200 },
    );
  });

  it('tells the subjects apart: a branch, a contract, both, neither (the values differ where the tree says so)', () => {
    const policies = resolvePolicies(
      { creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' }, ruler: exampleSpec, settings },
      ['serasa'],
      staticRates(),
      brazilianCalendar(),
    )._unsafeUnwrap();
    const days = (s: SubjectSettings) => s.values.minimumDaysOverdue;
    expect(days(policies.settingsFor())).toBe(10);
    expect(days(policies.settingsFor('norte'))).toBe(12);
    expect(days(policies.settingsFor(undefined, 'pj'))).toBe(15);
    expect(days(policies.settingsFor('norte', 'pf'))).toBe(5);
    expect(policies.settingsFor('sul').values.registerAutomatically).toBe(true);
    expect(policies.settingsFor().values.registerAutomatically).toBe(false);
    expect(policies.rulerSettings('norte')).toBe(policies.settingsFor('norte').rulerSettings);
    expect(policies.negativationSettings(undefined, 'pj')).toBe(policies.settingsFor(undefined, 'pj').negativation);
  });
});
