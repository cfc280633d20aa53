import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, parseInput, withPathPrefix, type CobrancaError } from '../errors.js';
import { addMonths, type CivilDate } from '../calendar/index.js';
import { parseTaxId } from '../documents/index.js';
import { compileLateChargesPolicy, lateChargesPolicySchema, type LateChargesCalculator, type LateChargesPolicyInput } from '../agreements/index.js';
import { resolveNegativationSettings, type NegativationSettings } from '../negativation/index.js';
import { defineRuler, isRuler, resolveSettings, type ResolvedSettings, type Ruler } from '../ruler/index.js';
import type { RateSource } from '../ports/index.js';
import type { BusinessCalendar } from '../calendar/index.js';

/** The policy part of `createCollections`' options, as the host writes it. */
export const policyOptionsSchema = z.object({
  /** The creditor, named on every registration and collection document (CDC art. 42-A). */
  creditor: z.object({ id: z.string().min(1), name: z.string().min(1), document: z.string().min(1) }),
  /** The bureau registrations go to (Serasa, SPC, Boa Vista, Quod …); the `bureau` port talks to it. */
  bureauName: z.string().min(1).default('serasa'),
  /** The dunning ruler (a spec for `defineRuler`, or a defined ruler). */
  ruler: z.unknown(),
  /** Ruler settings by level (seed 002): general, per branch, per contract. */
  rulerSettings: z
    .object({ general: z.unknown().optional(), branches: z.record(z.string(), z.unknown()).default({}), contracts: z.record(z.string(), z.unknown()).default({}) })
    .default({ branches: {}, contracts: {} }),
  /** Negativation settings: general and per branch (Yes / No / Default). */
  negativationSettings: z.object({ general: z.unknown().optional(), branches: z.record(z.string(), z.unknown()).default({}) }).default({ branches: {} }),
  /**
   * Late charges for updated amounts: a policy (fine, interest, correction,
   * grace). With `interestFromRates`, the interest is the legal rate read from
   * the rate port; with `correctionIndex`, the correction index is read from it too.
   */
  lateCharges: z
    .object({ policy: z.unknown().optional(), interestFromRates: z.boolean().default(false), correctionIndex: z.string().min(1).optional() })
    .optional(),
});

/** Policy options as the host writes them. */
export type PolicyOptions = z.input<typeof policyOptionsSchema>;

/** The resolved policies the use cases read. */
export interface Policies {
  readonly creditor: { readonly id: string; readonly name: string; readonly document: string };
  readonly bureauName: string;
  readonly ruler: Ruler;
  /** Ruler settings for an invoice's branch and contract (general when neither is configured). */
  rulerSettings(branch?: string, contract?: string): ResolvedSettings;
  /** Negativation settings for a branch. */
  negativationSettings(branch?: string): NegativationSettings;
  /** The late-charges calculator for invoices due from `from` up to `asOf`, rates fetched from the port as configured; `undefined` when none is configured. */
  lateCharges(from: CivilDate, asOf: CivilDate): Promise<LateChargesCalculator | undefined>;
}

/** Parses and resolves every policy once, so a bad setting is reported at `createCollections`, not in the middle of a cycle. */
export function resolvePolicies(input: unknown, rates: RateSource, calendar: BusinessCalendar): Result<Policies, CobrancaError> {
  const parsed = parseInput(policyOptionsSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const options = parsed.value;
  if (parseTaxId(options.creditor.document).isErr()) return err(cobrancaError('invalid_input', 'the creditor document is not a valid CPF or CNPJ', { path: ['creditor', 'document'] }));
  const ruler = isRuler(options.ruler) ? ok(options.ruler) : defineRuler(options.ruler);
  if (ruler.isErr()) return err(withPathPrefix(ruler.error, ['ruler']));

  const rulerByKey = new Map<string, ResolvedSettings>();
  const general = resolveSettings(options.rulerSettings.general ?? {});
  if (general.isErr()) return err(withPathPrefix(general.error, ['rulerSettings', 'general']));
  rulerByKey.set('|', general.value);
  for (const [branch, level] of Object.entries(options.rulerSettings.branches)) {
    const resolved = resolveSettings(options.rulerSettings.general ?? {}, level);
    if (resolved.isErr()) return err(withPathPrefix(resolved.error, ['rulerSettings', 'branches', branch]));
    rulerByKey.set(`${branch}|`, resolved.value);
  }
  for (const [contract, level] of Object.entries(options.rulerSettings.contracts)) {
    const resolved = resolveSettings(options.rulerSettings.general ?? {}, {}, level);
    if (resolved.isErr()) return err(withPathPrefix(resolved.error, ['rulerSettings', 'contracts', contract]));
    rulerByKey.set(`|${contract}`, resolved.value);
  }

  const negativationByBranch = new Map<string, NegativationSettings>();
  const negativationGeneral = resolveNegativationSettings(options.negativationSettings.general ?? {});
  if (negativationGeneral.isErr()) return err(withPathPrefix(negativationGeneral.error, ['negativationSettings', 'general']));
  for (const [branch, level] of Object.entries(options.negativationSettings.branches)) {
    const resolved = resolveNegativationSettings(options.negativationSettings.general ?? {}, level);
    if (resolved.isErr()) return err(withPathPrefix(resolved.error, ['negativationSettings', 'branches', branch]));
    negativationByBranch.set(branch, resolved.value);
  }

  const late = options.lateCharges;
  const basePolicy = late?.policy ?? { interest: { kind: 'none' } };
  const checkedBase = parseInput(lateChargesPolicySchema, withSeries(basePolicy as LateChargesPolicyInput, late?.interestFromRates ? [] : undefined, late?.correctionIndex, late?.correctionIndex ? [] : undefined));
  if (late && checkedBase.isErr()) return err(withPathPrefix(checkedBase.error, ['lateCharges', 'policy']));

  return ok({
    creditor: options.creditor,
    bureauName: options.bureauName,
    ruler: ruler.value,
    rulerSettings(branch, contract) {
      // A contract's own level wins over its branch, as seed 002's inheritance reads: general → branch → contract.
      const exact = branch !== undefined && contract !== undefined ? resolvePair(branch, contract) : undefined;
      return exact ?? (contract !== undefined ? rulerByKey.get(`|${contract}`) : undefined) ?? (branch !== undefined ? rulerByKey.get(`${branch}|`) : undefined) ?? general.value;
    },
    negativationSettings: (branch) => (branch !== undefined ? negativationByBranch.get(branch) : undefined) ?? negativationGeneral.value,
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

  function resolvePair(branch: string, contract: string): ResolvedSettings | undefined {
    const branchLevel = options.rulerSettings.branches[branch];
    const contractLevel = options.rulerSettings.contracts[contract];
    if (branchLevel === undefined || contractLevel === undefined) return undefined;
    const key = `${branch}|${contract}`;
    let resolved = rulerByKey.get(key);
    if (!resolved) {
      const result = resolveSettings(options.rulerSettings.general ?? {}, branchLevel, contractLevel);
      if (result.isErr()) return undefined;
      resolved = result.value;
      rulerByKey.set(key, resolved);
    }
    return resolved;
  }
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
