import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkConfiguration, type ConfigurationInput } from '../../../src/app/index.js';
import { DEFAULT_NEGATIVATION_SETTINGS } from '../../../src/negativation/index.js';
import { DEFAULT_RULER_SETTINGS } from '../../../src/ruler/index.js';
import { DEFAULT_PROTEST_SETTINGS } from '../../../src/protest/index.js';
import { settingLevelShape } from '../../../src/app/settings/settings-tree.js';
import { exampleSpec } from '../../ruler/fixtures.js';

const rulers = { 'regua-padrao': exampleSpec };
const check = (input: Partial<ConfigurationInput>) => checkConfiguration({ rulers, bureaus: ['serasa'], ...input });

describe('one settings tree: general → branch → contract (seed 002)', () => {
  it('holds every setting of the ruler, of the negativation policy and of the protest policy under one name each, plus the ruler and the bureau', () => {
    const names = Object.keys(settingLevelShape).sort();
    const protestNames = Object.keys(DEFAULT_PROTEST_SETTINGS)
      .filter((key) => key !== 'prescriptionYears')
      .map((key) => `protest${key[0]?.toUpperCase() ?? ''}${key.slice(1)}`);
    expect(names).toEqual([...new Set([...Object.keys(DEFAULT_RULER_SETTINGS), ...Object.keys(DEFAULT_NEGATIVATION_SETTINGS), ...protestNames, 'protestNotary', 'ruler', 'bureau'])].sort());
    expect(names).not.toContain('daysAfterDueDate');
  });

  it('docs/collections.md has a row for every setting of the tree (setting, seed, default, who reads it)', () => {
    const docs = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'collections.md'), 'utf8');
    for (const name of Object.keys(settingLevelShape)) expect(docs, name).toContain(`| \`${name}\` |`);
  });

  it('resolves Yes / No / Default level by level and reports where each value came from', () => {
    const config = check({
      settings: {
        general: { registerAutomatically: 'yes', minimumDaysOverdue: 15, removeAutomatically: 'yes' },
        branches: { norte: { registerAutomatically: 'no', minimumDaysOverdue: 20, removeAutomatically: 'default' } },
        contracts: { premium: { registerAutomatically: 'default', noticeWaitingDays: 12 } },
      },
    })._unsafeUnwrap();
    const both = config.settingsFor({ branch: 'norte', contract: 'premium' });
    expect(both.values).toMatchObject({ registerAutomatically: false, minimumDaysOverdue: 20, removeAutomatically: true, noticeWaitingDays: 12 });
    expect(both.sources).toMatchObject({ registerAutomatically: 'branch', minimumDaysOverdue: 'branch', removeAutomatically: 'general', noticeWaitingDays: 'contract', prescriptionYears: 'library' });
    expect(both.pathOf('minimumDaysOverdue')).toEqual(['settings', 'branches', 'norte', 'minimumDaysOverdue']);
    // the same values go to the ruler and to the negativation module
    expect(both.rulerSettings.values.removeAutomatically).toBe(both.negativation.removeAutomatically);
    expect(both.negativation.minimumDaysOverdue).toBe(20);
    expect(config.settingsFor({ branch: 'sul' }).values.registerAutomatically).toBe(true);
  });

  it('a branch Yes / No always decides over the general value; Default inherits it (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom<'yes' | 'no'>('yes', 'no'), fc.constantFrom<'yes' | 'no' | 'default'>('yes', 'no', 'default'), (general, branch) => {
        const config = check({ settings: { general: { removeAutomatically: general }, branches: { b: { removeAutomatically: branch } } } })._unsafeUnwrap();
        const resolved = config.settingsFor({ branch: 'b' });
        expect(resolved.negativation.removeAutomatically).toBe((branch === 'default' ? general : branch) === 'yes');
        expect(resolved.sources.removeAutomatically).toBe(branch === 'default' ? 'general' : 'branch');
      }),
    );
  });
});

describe('protest settings live in the same tree (Lei 9.492/1997)', () => {
  it('resolve general → branch → contract like every other setting, and feed the protest module', () => {
    const config = check({
      settings: {
        general: { protestDaysAfterDueDate: 10, prescriptionYears: 3 },
        branches: { norte: { protestCreditorCancels: 'yes', protestNotary: '1º Tabelionato de Protesto de Manaus' } },
        contracts: { premium: { protestDaysAfterDueDate: 'default', protestMinimumAmount: '50.00' } },
      },
    })._unsafeUnwrap();
    const both = config.settingsFor({ branch: 'norte', contract: 'premium' });
    expect(both.protest).toEqual({ ...DEFAULT_PROTEST_SETTINGS, daysAfterDueDate: 10, creditorCancels: true, minimumAmount: { cents: 5000 }, prescriptionYears: 3 });
    expect(both.negativation.prescriptionYears).toBe(3); // one debt, one prescription
    expect(both.values.protestNotary).toBe('1º Tabelionato de Protesto de Manaus');
    expect(both.sources).toMatchObject({ protestDaysAfterDueDate: 'general', protestCreditorCancels: 'branch', protestMinimumAmount: 'contract', protestNotary: 'branch' });
    expect(config.settingsFor({ branch: 'sul' }).protest.creditorCancels).toBe(false);
    expect(config.settingsFor({ branch: 'sul' }).values.protestNotary).toBeNull();
  });

  it('a bad protest value is invalid_input at its path in the tree', () => {
    const error = check({ settings: { branches: { norte: { protestRegistrationBusinessDays: 0 } } } })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'invalid_input', path: ['settings', 'branches', 'norte', 'protestRegistrationBusinessDays'] });
  });

  it('checkConfiguration refuses a protest step earlier than the subject\'s protestDaysAfterDueDate, naming the step and the branch', () => {
    const protestRuler = { id: 'p', steps: [{ id: 'protestar', offsetDays: 20, action: { kind: 'protest' } }] };
    expect(checkConfiguration({ rulers: { p: protestRuler }, bureaus: ['serasa'], settings: { general: { protestDaysAfterDueDate: 20 } } }).isOk()).toBe(true);
    const error = checkConfiguration({ rulers: { p: protestRuler }, bureaus: ['serasa'], settings: { branches: { sul: { protestDaysAfterDueDate: 30 } } } })._unsafeUnwrapErr();
    expect(error.code).toBe('contradictory_configuration');
    expect(error.details?.problems).toEqual([
      expect.objectContaining({ code: 'protest_before_minimum_days', path: ['rulers', 'p', 'steps', 0, 'offsetDays'], subjects: [{ branch: 'sul' }], details: expect.objectContaining({ protestDaysAfterDueDatePath: ['settings', 'branches', 'sul', 'protestDaysAfterDueDate'] }) }),
    ]);
  });
});

describe('notice modes are settings of the tree (seed 000)', () => {
  it('resolve per branch; an e-mail notice channel is a contradiction only where the creditor\'s notice is what counts', () => {
    const config = check({ settings: { branches: { sul: { noticeMode: 'email_then_bureau_letter', emailReadDays: 3 }, leste: { noticeMode: 'bureau_sends' } } } })._unsafeUnwrap();
    expect(config.settingsFor({ branch: 'sul' }).negativation).toMatchObject({ noticeMode: 'email_then_bureau_letter', emailReadDays: 3 });
    expect(config.settingsFor({ branch: 'leste' }).negativation.noticeMode).toBe('bureau_sends');
    expect(config.settingsFor({}).negativation.noticeMode).toBe('creditor_letter');
    expect(check({ settings: { branches: { sul: { noticeMode: 'email_then_bureau_letter', defaultNoticeChannel: 'email' } } } }).isOk()).toBe(true);
    const refused = check({ settings: { branches: { sul: { defaultNoticeChannel: 'email' } } } })._unsafeUnwrapErr();
    expect(refused.details?.problems).toEqual([expect.objectContaining({ code: 'notice_channel_not_qualifying', subjects: [{ branch: 'sul' }] })]);
    expect(check({ settings: { general: { noticeMode: 'carta' as never } } })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['settings', 'general', 'noticeMode'] });
  });
});

describe('bad settings are typed errors naming the path', () => {
  it('an unknown setting name, with the closest known one', () => {
    const error = check({ settings: { branches: { norte: { registerAutomaticaly: 'yes' } as never } } })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'invalid_input', path: ['settings', 'branches', 'norte', 'registerAutomaticaly'] });
    expect(error.message).toContain("did you mean 'registerAutomatically'");
  });

  it('the old duplicate names are unknown now', () => {
    expect(check({ settings: { general: { daysAfterDueDate: 15 } as never } })._unsafeUnwrapErr().path).toEqual(['settings', 'general', 'daysAfterDueDate']);
  });

  it('a misspelt Yes / No / Default value', () => {
    const error = check({ settings: { contracts: { c1: { removeAutomatically: 'Sim' as never } } } })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'invalid_input', path: ['settings', 'contracts', 'c1', 'removeAutomatically'] });
    expect(error.message).toContain("expected 'yes', 'no' or 'default'");
  });

  it('a branch that names a missing ruler or bureau', () => {
    const error = check({ settings: { branches: { norte: { ruler: 'regua-vip', bureau: 'quod' } } } })._unsafeUnwrapErr();
    expect(error.code).toBe('contradictory_configuration');
    const problems = error.details?.['problems'] as { code: string; path: unknown[] }[];
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['unknown_ruler', ['settings', 'branches', 'norte', 'ruler']],
      ['unknown_bureau', ['settings', 'branches', 'norte', 'bureau']],
    ]);
  });
});
