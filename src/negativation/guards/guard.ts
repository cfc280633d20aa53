import type { BusinessCalendar, CivilDate } from '../../calendar/index.js';
import type { TaxId } from '../../documents/index.js';
import type { Money } from '../../money/index.js';
import type { DebtorInput } from '../debtor.js';
import type { Notice } from '../negativation.js';
import type { NegativationSettings } from '../settings.js';

/** The names of the guards, stable (safe to store and switch on). */
export type GuardName =
  | 'debtor_data'
  | 'minimum_amount'
  | 'minimum_days_overdue'
  | 'age_limit'
  | 'prescription'
  | 'prior_notice'
  | 'no_duplicate'
  | 'not_in_agreement'
  | 'not_disputed'
  | 'not_paid';

/** What the guards look at, as of one day. */
export interface GuardFacts {
  readonly asOf: CivilDate;
  readonly settings: NegativationSettings;
  readonly dueDate: CivilDate;
  /** The business calendar days overdue are counted on. */
  readonly calendar: BusinessCalendar;
  /** What is still owed. */
  readonly outstanding: Money;
  /** The first day on which no submission is allowed (see `submissionCutoffOn`). */
  readonly submissionCutoffOn: CivilDate;
  /** The age limit: registration must be gone by this day (see `ageLimitOn`). */
  readonly ageLimitOn: CivilDate;
  readonly prescribesOn: CivilDate;
  readonly paid: boolean;
  readonly inActiveAgreement: boolean;
  readonly disputed: boolean;
  readonly notices: readonly Notice[];
  readonly debtor?: DebtorInput;
  /** `debtor.document` already parsed, set only when it is a valid CPF/CNPJ (the guards parse it otherwise). */
  readonly debtorTaxId?: TaxId;
  /** The uniqueness key of the candidate and the keys of live negativations. */
  readonly key?: string;
  readonly liveKeys?: ReadonlySet<string>;
}

/** Why a guard refused, with the rule behind it. */
export interface GuardViolation {
  readonly guard: GuardName;
  readonly message: string;
  /** The law, precedent or seed the rule comes from. */
  readonly basis: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A named rule: `check` returns a violation or `undefined` when the rule holds. */
export interface Guard {
  readonly name: GuardName;
  readonly basis: string;
  readonly check: (facts: GuardFacts) => GuardViolation | undefined;
}

/** What a guard's check finds wrong: the message and details (the guard adds its name and basis). */
export type GuardFinding = Omit<GuardViolation, 'guard' | 'basis'>;

/** A guard whose name and legal basis are written once: every violation it finds carries both. */
export function defineGuard(name: GuardName, basis: string, find: (facts: GuardFacts) => GuardFinding | undefined): Guard {
  return {
    name,
    basis,
    check: (facts) => {
      const finding = find(facts);
      return finding === undefined ? undefined : { guard: name, basis, ...finding };
    },
  };
}
