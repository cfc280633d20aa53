import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, formatPath, parseInput, withPathPrefix, type InputOf } from '../errors.js';
import { addMonths, type CivilDate } from '../calendar/index.js';
import { parseTaxId } from '../documents/index.js';
import { lateChargesPolicySchema, type LateChargesCalculator, type LateChargesPolicyInput } from '../agreements/index.js';
import { compileLateChargesPolicy } from '../agreements/late-charges-calculator.js';
import type { NegativationSettings } from '../negativation/index.js';
import type { ResolvedSettings } from '../ruler/index.js';
import { checkConfiguration, type Configuration } from './settings/check-configuration.js';
import type { SettingsTreeInput } from './settings/settings-tree.js';
import type { SubjectSettings } from './settings/subject-settings.js';
import type { RateSource } from '../ports/index.js';
import { protestPolicyOf, type ProtestPolicy } from './protest/protest-policy.js';
import type { BusinessCalendar } from '../calendar/index.js';
import type { CollectionsError } from './errors.js';
import { planFingerprint } from './plan-fingerprint.js';

/** The policy part of `createCollections`' options, as the host writes it. */
export const policyOptionsSchema = z.strictObject({
  /** The creditor, named on every registration and collection document (CDC art. 42-A). */
  creditor: z.object({ id: z.string().min(1), name: z.string().min(1), document: z.string().min(1) }),
  /** The dunning rulers by id (specs for `defineRuler`, or defined rulers); the setting `ruler` names the one a branch or contract follows (seed 004). */
  rulers: z.record(z.string(), z.unknown()).optional(),
  /** Shorthand for one ruler: `ruler: spec` is `rulers: { [spec.id]: spec }`. */
  ruler: z.unknown().optional(),
  /** The one settings tree (seed 002): `{ general, branches: { [branchId]: … }, contracts: { [contractId]: … } }`, read by the ruler and the negativation module alike. */
  settings: z.unknown().optional(),
  /**
   * Late charges for updated amounts: a policy (fine, interest, correction,
   * grace). With `interestFromRates`, the interest is the legal rate read from
   * the rate port; with `correctionIndex`, the correction index is read from it too.
   */
  lateCharges: z
    .object({ policy: z.unknown().optional(), interestFromRates: z.boolean().default(false), correctionIndex: z.string().min(1).optional() })
    .optional(),
  /**
   * Agreements: what `negotiate` does with a consumer debt's fine above the cap (2%, CDC art. 52 §1): `cap` it (the
   * agreement's `fineRule` says so; the default) or `refuse` the proposal (`fine_above_consumer_cap`). A customer of kind
   * `person` is a consumer; a `company` is not capped.
   */
  agreements: z.object({ fineAboveConsumerCap: z.enum(['cap', 'refuse']).default('cap') }).strict().default({ fineAboveConsumerCap: 'cap' }),
});

/** Policy options as the host writes them. */
export type PolicyOptions = InputOf<typeof policyOptionsSchema> & { readonly settings?: SettingsTreeInput };

/** The resolved policies the use cases read. */
export interface Policies {
  readonly creditor: { readonly id: string; readonly name: string; readonly document: string };
  /** Agreement settings (the consumer cap on the fine). */
  readonly agreements: { readonly fineAboveConsumerCap: 'cap' | 'refuse' };
  /** The checked configuration: rulers, the settings tree, the bureau names. */
  readonly configuration: Configuration;
  /** Every setting of an invoice's branch and contract, resolved once per subject: the same values go to the ruler and to the negativation module. */
  settingsFor(branch?: string, contract?: string): SubjectSettings;
  /** The ruler's part of {@link Policies.settingsFor}. */
  rulerSettings(branch?: string, contract?: string): ResolvedSettings;
  /** The negativation module's part of {@link Policies.settingsFor}. */
  negativationSettings(branch?: string, contract?: string): NegativationSettings;
  /** Protest policy (settings and notary) of an invoice's branch and contract, from the same settings tree. */
  protest(branch?: string, contract?: string): ProtestPolicy;
  /** The late-charges calculator for invoices due from `from` up to `asOf`, rates fetched from the port as configured; `undefined` when none is configured. */
  lateCharges(from: CivilDate, asOf: CivilDate): Promise<LateChargesCalculator | undefined>;
  /** A fingerprint of every policy option (rulers, settings tree, late charges, creditor, bureaus): the daily cycle's wake index makes every customer due when it changes. */
  readonly fingerprint: string;
}

/**
 * Parses and resolves every policy once, so a bad setting or a contradiction
 * is reported at `createCollections` (every contradiction, with its path), not
 * in the middle of a cycle. `bureaus` are the names of the gateways given.
 */
export function resolvePolicies(input: unknown, bureaus: readonly string[], rates: RateSource, calendar: BusinessCalendar): Result<Policies, CollectionsError> {
  const parsed = parseInput(policyOptionsSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const options = parsed.value;
  if (parseTaxId(options.creditor.document).isErr()) return err(cobrancaError('invalid_input', 'the creditor document is not a valid CPF or CNPJ', { path: ['creditor', 'document'] }));
  if (options.rulers !== undefined && options.ruler !== undefined) return err(cobrancaError('invalid_input', 'give either `ruler` (one) or `rulers` (by id), not both', { path: ['ruler'] }));
  const rulers = options.rulers ?? (options.ruler !== undefined ? { [rulerKeyOf(options.ruler)]: options.ruler } : {});
  const configuration = checkConfiguration({ rulers, settings: (options.settings ?? {}) as SettingsTreeInput, bureaus: [...bureaus] });
  if (configuration.isErr()) return err(options.rulers === undefined && options.ruler !== undefined ? fromShorthand(configuration.error) : configuration.error);
  const checked = configuration.value;

  const late = options.lateCharges;
  const basePolicy = late?.policy ?? { interest: { kind: 'none' } };
  const checkedBase = parseInput(lateChargesPolicySchema, withSeries(basePolicy as LateChargesPolicyInput, late?.interestFromRates ? [] : undefined, late?.correctionIndex, late?.correctionIndex ? [] : undefined));
  if (late && checkedBase.isErr()) return err(withPathPrefix(checkedBase.error, ['lateCharges', 'policy']));

  const settingsFor = checked.settingsOf;
  return ok({
    creditor: options.creditor,
    agreements: options.agreements,
    configuration: checked,
    fingerprint: planFingerprint({ rulers: checked.rulers, settings: checked.settings, bureaus: checked.bureaus, lateCharges: late ?? null, creditor: options.creditor, agreements: options.agreements }),
    settingsFor,
    rulerSettings: (branch, contract) => settingsFor(branch, contract).rulerSettings,
    negativationSettings: (branch, contract) => settingsFor(branch, contract).negativation,
    protest: (branch, contract) => protestPolicyOf(settingsFor(branch, contract)),
    async lateCharges(from, asOf) {
      if (!late) return undefined;
      const start = addMonths(from, -1);
      const interest = late.interestFromRates ? (await rates.legalInterestRates(start, asOf)).map(toMonthly) : undefined;
      const correction = late.correctionIndex ? (await rates.indexSeries(late.correctionIndex, start, asOf)).map(toMonthly) : undefined;
      const policy = parseInput(lateChargesPolicySchema, withSeries(basePolicy as LateChargesPolicyInput, interest, late.correctionIndex, correction));
      if (policy.isErr()) throw new Error(`the rate port returned an unusable series: ${policy.error.message}`);
      return compileLateChargesPolicy(policy.value, calendar);
    },
  });

}

function rulerKeyOf(ruler: unknown): string {
  const id = ruler !== null && typeof ruler === 'object' ? (ruler as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim().length > 0 ? id.trim() : 'default';
}

/** With the one-ruler shorthand, paths say `ruler.…` as the host wrote it, not `rulers.<id>.…`. */
function fromShorthand(error: CollectionsError): CollectionsError {
  const path = error.path;
  if (!path || path[0] !== 'rulers' || path.length < 2) return error;
  const bare = error.message.startsWith(`${formatPath(path)}: `) ? error.message.slice(formatPath(path).length + 2) : error.message;
  return cobrancaError(error.code, bare, { path: ['ruler', ...path.slice(2)], ...(error.details ? { details: error.details } : {}) });
}

function toMonthly(value: { month: string; percent: unknown }): { month: string; percent: string } {
  return { month: value.month, percent: String(value.percent) };
}

function withSeries(policy: LateChargesPolicyInput, interest: { month: string; percent: string }[] | undefined, index: string | undefined, correction: { month: string; percent: string }[] | undefined): LateChargesPolicyInput {
  return {
    ...policy,
    ...(interest !== undefined ? { interest: { kind: 'series' as const, rates: interest } } : {}),
    ...(correction !== undefined && index !== undefined ? { correction: { index, variations: correction } } : {}),
  };
}
