import * as z from 'zod';
import { DEFAULT_NEGATIVATION_SETTINGS, negativationSettingsShape, type NegativationSettings } from '../../negativation/index.js';
import { DEFAULT_PROTEST_SETTINGS, protestSettingsShape } from '../../protest/index.js';
import { DEFAULT_RULER_SETTINGS, inheritable, rulerSettingsLevelShape, yesNoDefaultSchema, type RulerSettings } from '../../ruler/index.js';
import { closestName } from './closest-name.js';
import type { InputOf } from '../../errors.js';

const name = z.string().trim().min(1).max(100);

/**
 * Every setting of one level of the tree, each under one name with one
 * meaning: seed 002's screen (the ruler's switches and days, the branch's
 * bureau), the negativation policy, and which ruler applies. Each value is
 * itself, or `'default'` / absent to inherit from the level above; switches
 * take Yes / No / Default (`'yes'`, `'no'`, `'default'`, or a boolean).
 */
export const settingLevelShape = {
  ...rulerSettingsLevelShape,
  minimumDaysOverdue: inheritable(negativationSettingsShape.minimumDaysOverdue).optional(),
  minimumAmount: inheritable(negativationSettingsShape.minimumAmount).optional(),
  noticeWaitingDays: inheritable(negativationSettingsShape.noticeWaitingDays).optional(),
  qualifyingNoticeChannels: inheritable(negativationSettingsShape.qualifyingNoticeChannels).optional(),
  defaultNoticeChannel: inheritable(negativationSettingsShape.defaultNoticeChannel).optional(),
  noticeMode: inheritable(negativationSettingsShape.noticeMode).optional(),
  emailReadDays: inheritable(negativationSettingsShape.emailReadDays).optional(),
  submissionCutoffMonths: inheritable(negativationSettingsShape.submissionCutoffMonths).optional(),
  prescriptionYears: inheritable(negativationSettingsShape.prescriptionYears).optional(),
  requireBirthDateForPersons: yesNoDefaultSchema.optional(),
  removeAfterFirstAgreementInstallment: yesNoDefaultSchema.optional(),
  removeOnPrincipalPaid: yesNoDefaultSchema.optional(),
  removalAlarmBusinessDays: inheritable(negativationSettingsShape.removalAlarmBusinessDays).optional(),
  ageLimitWarningDays: inheritable(negativationSettingsShape.ageLimitWarningDays).optional(),
  stuckSubmissionDays: inheritable(negativationSettingsShape.stuckSubmissionDays).optional(),
  /** Protest (Lei 9.492/1997): days overdue (as `daysOverdue` counts them) before a title may go to the notary (the protest module's `daysAfterDueDate`). */
  protestDaysAfterDueDate: inheritable(protestSettingsShape.daysAfterDueDate).optional(),
  /** Protest: the smallest amount worth protesting. */
  protestMinimumAmount: inheritable(protestSettingsShape.minimumAmount).optional(),
  /** Protest: business days the notary has to register the protest (art. 12: 3). */
  protestRegistrationBusinessDays: inheritable(protestSettingsShape.registrationBusinessDays).optional(),
  /** Protest: business days an electronic notice may stay unconfirmed before a paper one is needed (art. 14: 3). */
  protestElectronicNoticeBusinessDays: inheritable(protestSettingsShape.electronicNoticeBusinessDays).optional(),
  /** Protest: Yes when the creditor agreed to cancel the protest itself after payment (STJ Tema 725: the debtor's task by default). */
  protestCreditorCancels: yesNoDefaultSchema.optional(),
  /** Protest: business days after the funds are available to hand over the letter of consent. */
  protestLetterOfConsentBusinessDays: inheritable(protestSettingsShape.letterOfConsentBusinessDays).optional(),
  /** Protest: the notary's office titles go to; `null` (the default) for the protest office of the debtor's town (art. 6). */
  protestNotary: inheritable(z.union([name, z.null()])).optional(),
  /** The id of the ruler (a key of `rulers`) that applies (seed 004: contracts are linked to rulers). */
  ruler: inheritable(name).optional(),
  /** The bureau integration (a key of `bureaus`) registrations go to (seed 002: an integration is linked to a branch). */
  bureau: inheritable(name).optional(),
} as const;

/** The name of a setting of the tree. */
export type CollectionSettingKey = keyof typeof settingLevelShape;

const KNOWN = Object.keys(settingLevelShape);

/** One level of the tree: strict, and an unknown name is an error at its own path, with the closest known name. */
export const settingLevelSchema = z.looseObject(settingLevelShape).superRefine((level, ctx) => {
  for (const key of Object.keys(level)) {
    if (KNOWN.includes(key)) continue;
    const near = closestName(key, KNOWN);
    ctx.addIssue({ code: 'custom', path: [key], message: `unknown setting '${key}'${near ? ` (did you mean '${near}'?)` : ''}` });
  }
});

/** One level of settings as a host writes it. */
export type SettingLevelInput = InputOf<typeof settingLevelSchema>;

/** The one settings tree (seed 002): general → branch → contract. */
export const settingsTreeSchema = z.strictObject({
  general: settingLevelSchema.default({}),
  branches: z.record(name, settingLevelSchema).default({}),
  contracts: z.record(name, settingLevelSchema).default({}),
});

/** The settings tree as a host writes it. */
export type SettingsTreeInput = InputOf<typeof settingsTreeSchema>;

/** The settings tree after parsing. */
export type SettingsTree = z.output<typeof settingsTreeSchema>;

/** The protest settings as the tree names them (each the protest module's setting with a `protest` prefix; `prescriptionYears` is shared: one debt, one prescription). */
export interface ProtestTreeSettings {
  readonly protestDaysAfterDueDate: number;
  readonly protestMinimumAmount: NegativationSettings['minimumAmount'];
  readonly protestRegistrationBusinessDays: number;
  readonly protestElectronicNoticeBusinessDays: number;
  readonly protestCreditorCancels: boolean;
  readonly protestLetterOfConsentBusinessDays: number;
  /** The notary's office, or `null` for the protest office of the debtor's town. */
  readonly protestNotary: string | null;
}

/** Every setting resolved for one subject: what the ruler reads, what the negativation and protest modules read, and the subject's ruler and bureau. */
export type CollectionSettings = RulerSettings &
  NegativationSettings &
  ProtestTreeSettings & {
    /** The ruler id, or `null` for the only ruler there is. */
    readonly ruler: string | null;
    /** The bureau name, or `null` for the only gateway there is. */
    readonly bureau: string | null;
  };

/** The library's defaults for every setting (the legally safe ones). */
export const DEFAULT_COLLECTION_SETTINGS: CollectionSettings = {
  ...DEFAULT_RULER_SETTINGS,
  ...DEFAULT_NEGATIVATION_SETTINGS,
  protestDaysAfterDueDate: DEFAULT_PROTEST_SETTINGS.daysAfterDueDate,
  protestMinimumAmount: DEFAULT_PROTEST_SETTINGS.minimumAmount,
  protestRegistrationBusinessDays: DEFAULT_PROTEST_SETTINGS.registrationBusinessDays,
  protestElectronicNoticeBusinessDays: DEFAULT_PROTEST_SETTINGS.electronicNoticeBusinessDays,
  protestCreditorCancels: DEFAULT_PROTEST_SETTINGS.creditorCancels,
  protestLetterOfConsentBusinessDays: DEFAULT_PROTEST_SETTINGS.letterOfConsentBusinessDays,
  protestNotary: null,
  ruler: null,
  bureau: null,
};
