import * as z from 'zod';
import { brl, nonNegativeMoneySchema, type Money } from '../money/index.js';
import type { InputOf } from '../errors.js';

/**
 * The protest policy of one branch. Defaults follow the law (Lei 9.492/1997)
 * and STJ Tema 725; every value is a creditor setting.
 */
export interface ProtestSettings {
  /** Days overdue before a title may be sent to protest, counted as `daysOverdue` counts them (a due date on a non-business day runs to the next business day); creditor policy; at least 1: only an overdue title is protested. */
  readonly daysAfterDueDate: number;
  /** The smallest amount worth protesting. */
  readonly minimumAmount: Money;
  /** Business days the notary has to register the protest after protocolling the title, the debtor's window to pay at the notary (art. 12). */
  readonly registrationBusinessDays: number;
  /** Business days an electronic notice may stay unconfirmed before it no longer counts and a paper notice is needed (art. 14 as changed by Lei 14.711/2023). */
  readonly electronicNoticeBusinessDays: number;
  /**
   * Who cancels the protest after payment. STJ Tema 725: the debtor, with the
   * creditor's letter of consent (carta de anuência), unless agreed otherwise:
   * `true` when the creditor agreed to cancel it itself.
   */
  readonly creditorCancels: boolean;
  /** Business days after the funds are available by which the creditor hands over the letter of consent (creditor policy; the law sets none). */
  readonly letterOfConsentBusinessDays: number;
  /** Prescription of the debt in years from the day after the due date (CC art. 206 §5 I: 5): a prescribed debt is not protested. */
  readonly prescriptionYears: number;
}

/** The default policy: 1 day overdue, art. 12's 3 business days, the debtor cancels (Tema 725), letter of consent within 5 business days. */
export const DEFAULT_PROTEST_SETTINGS: ProtestSettings = {
  daysAfterDueDate: 1,
  minimumAmount: brl('0.01'),
  registrationBusinessDays: 3,
  electronicNoticeBusinessDays: 3,
  creditorCancels: false,
  letterOfConsentBusinessDays: 5,
  prescriptionYears: 5,
};

const days = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * The schema of each protest setting's plain value, by name. The application's
 * settings tree builds its levels from these (as `protestDaysAfterDueDate`,
 * `protestMinimumAmount`, …), so a value is checked by one rule wherever it is written.
 */
export const protestSettingsShape = {
  daysAfterDueDate: days(1, 3650),
  minimumAmount: nonNegativeMoneySchema,
  registrationBusinessDays: days(1, 30),
  electronicNoticeBusinessDays: days(1, 30),
  creditorCancels: z.boolean(),
  letterOfConsentBusinessDays: days(0, 60),
  prescriptionYears: days(1, 5),
} as const;

/** zod schema of a full or partial {@link ProtestSettings}; missing values take the defaults. */
export const protestSettingsSchema = z
  .object(protestSettingsShape)
  .partial()
  .strict()
  .transform((given): ProtestSettings => {
    const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<ProtestSettings>;
    return { ...DEFAULT_PROTEST_SETTINGS, ...defined };
  });

/** Protest settings as the host writes them. */
export type ProtestSettingsInput = InputOf<typeof protestSettingsSchema>;
