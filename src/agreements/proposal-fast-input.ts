import type { Decimal } from 'decimal.js';
import { parseCivilDate, type CivilDate } from '../calendar/index.js';
import { ALLOCATION_POLICIES, parseDecimal, parseMoney, ROUNDING_MODES, ZERO, type Money } from '../money/index.js';
import { MAX_AGREEMENT_INVOICES, type AgreementInvoice } from './invoice.js';
import { MAX_PERCENT, MAX_PERCENT_DECIMALS } from './percent.js';
import type { ParsedProposal } from './proposal-schema.js';
import { MAX_INSTALLMENTS, type InstallmentsRule } from './schedule.js';

/**
 * A hand-checked reader of {@link proposalInputSchema}'s input: the same
 * checks, defaults and outputs, without zod's per-call cost. It answers
 * `undefined` at the first doubt (a bad value, an unusual object, a field it
 * does not know how to read); the caller then parses with the schema, which
 * accepts exactly what this accepts and builds the error with its path. A
 * property test proves the two agree on random inputs.
 *
 * `lateChargesPolicy` is not read here: the caller compiles it (cached by
 * identity and contents) and falls back to the schema when it does not parse.
 */
export function readProposalFast(input: unknown): ParsedProposal | undefined {
  if (!isPlainObject(input)) return undefined;
  const kind = input.kind;
  if (kind !== 'keep_terms' && kind !== 'new_proposal') return undefined;
  const asOf = date(input.asOf);
  const toleranceDate = date(input.toleranceDate);
  const invoices = invoicesOf(input.invoices);
  const selectedInvoiceIds = idsOf(input.selectedInvoiceIds);
  const category = text(input.category, 200);
  const specialProcesses = eligibilityOf(input.specialProcesses);
  if (asOf === undefined || toleranceDate === undefined || invoices === undefined || selectedInvoiceIds === undefined || category === undefined || specialProcesses === undefined) return undefined;
  const common = { asOf, invoices, selectedInvoiceIds, toleranceDate, category, specialProcesses };
  if (kind === 'keep_terms') return { kind, ...common };
  const fields = newProposalFields(input);
  return fields === undefined ? undefined : { kind, ...common, ...fields };
}

type NewProposalFields = Omit<Extract<ParsedProposal, { kind: 'new_proposal' }>, 'kind' | 'asOf' | 'invoices' | 'selectedInvoiceIds' | 'toleranceDate' | 'category' | 'specialProcesses' | 'lateChargesPolicy'>;

function newProposalFields(input: Record<string, unknown>): NewProposalFields | undefined {
  const baseAmounts = oneOf(input.baseAmounts, BASE_AMOUNTS, 'original');
  const surchargePercent = percent(input.surchargePercent);
  const finePercent = percent(input.finePercent);
  const fineCap = fineCapOf(input.fineCap);
  const discountPercent = percent(input.discountPercent);
  const discountAmount = amount(input.discountAmount, true);
  const chargesAmount = amount(input.chargesAmount, true);
  const feesAmount = amount(input.feesAmount, true);
  const accountPlan = accountPlanOf(input.accountPlan);
  const originals = oneOf(input.originals, ORIGINALS, 'cancel');
  const keepOnTimeDiscount = flag(input.keepOnTimeDiscount, false);
  const installments = installmentsOf(input.installments);
  const allocation = oneOf(input.allocation, ALLOCATION_POLICIES, 'first');
  const rounding = oneOf(input.rounding, ROUNDING_MODES, 'half_up');
  const discountsOnlyReduceLateCharges = flag(input.discountsOnlyReduceLateCharges, false);
  const allowNegativeInstallments = flag(input.allowNegativeInstallments, false);
  if (
    baseAmounts === undefined ||
    surchargePercent === undefined ||
    finePercent === undefined ||
    fineCap === undefined ||
    discountPercent === undefined ||
    discountAmount === undefined ||
    chargesAmount === undefined ||
    feesAmount === undefined ||
    accountPlan === undefined ||
    originals === undefined ||
    keepOnTimeDiscount === undefined ||
    installments === undefined ||
    allocation === undefined ||
    rounding === undefined ||
    discountsOnlyReduceLateCharges === undefined ||
    allowNegativeInstallments === undefined
  ) {
    return undefined;
  }
  return {
    baseAmounts,
    surchargePercent,
    finePercent,
    fineCap,
    discountPercent,
    discountAmount,
    chargesAmount,
    feesAmount,
    accountPlan,
    originals,
    keepOnTimeDiscount,
    installments,
    allocation,
    rounding,
    discountsOnlyReduceLateCharges,
    allowNegativeInstallments,
  };
}

const BASE_AMOUNTS = ['original', 'updated'] as const;
const ORIGINALS = ['cancel', 'suspend'] as const;
const INVOICE_STATUSES = ['open', 'settled', 'suspended', 'deleted'] as const;
const FREQUENCIES = ['monthly', 'weekly', 'fortnightly'] as const;
const ABOVE_CAP = ['cap', 'refuse'] as const;
const ACCOUNT_PLAN_KEYS = ['base', 'surcharge', 'fine', 'discount', 'charges', 'fees'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function date(value: unknown): CivilDate | undefined {
  const parsed = parseCivilDate(value);
  return parsed.isOk() ? parsed.value : undefined;
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length >= 1 && value.length <= max ? value : undefined;
}

function flag(value: unknown, fallback: boolean): boolean | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'boolean' ? value : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T | undefined {
  if (value === undefined) return fallback;
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** Money as the schema reads it (`nonNegativeMoneySchema`), ZERO when absent and `optionalZero`. */
function amount(value: unknown, optionalZero: boolean): Money | undefined {
  if (value === undefined && optionalZero) return ZERO;
  const parsed = parseMoney(value);
  return parsed.isOk() && parsed.value.cents >= 0 ? parsed.value : undefined;
}

/** Percentages already read, by their text (decimal.js values are immutable, so one may serve every call). */
const percents = new Map<string, Decimal>();
const PERCENT_CACHE_LIMIT = 1_000;

/** A percentage as `percentSchema` reads it: not negative, at most six places, at most 1000; zero when absent. */
function percent(value: unknown): Decimal | undefined {
  const key = typeof value === 'string' ? value : value === undefined ? '0' : undefined;
  if (key !== undefined) {
    const cached = percents.get(key);
    if (cached !== undefined) return cached;
  }
  const parsed = parseDecimal(value === undefined ? 0 : value);
  if (parsed.isErr()) return undefined;
  const d = parsed.value;
  if ((d.isNegative() && !d.isZero()) || d.decimalPlaces() > MAX_PERCENT_DECIMALS || d.abs().gt(MAX_PERCENT)) return undefined;
  if (key !== undefined) {
    if (percents.size >= PERCENT_CACHE_LIMIT) percents.clear();
    percents.set(key, d);
  }
  return d;
}

function invoicesOf(value: unknown): AgreementInvoice[] | undefined {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_AGREEMENT_INVOICES) return undefined;
  const out: AgreementInvoice[] = [];
  for (const raw of value as unknown[]) {
    if (!isPlainObject(raw)) return undefined;
    const id = text(raw.id, 200);
    const invoiceAmount = amount(raw.amount, false);
    const updatedAmount = raw.updatedAmount === undefined ? undefined : amount(raw.updatedAmount, false);
    const dueDate = date(raw.dueDate);
    const status = oneOf(raw.status, INVOICE_STATUSES, 'open');
    const fiscalDocumentIssued = flag(raw.fiscalDocumentIssued, false);
    const bankRemittanceGenerated = flag(raw.bankRemittanceGenerated, false);
    if (id === undefined || invoiceAmount === undefined || dueDate === undefined || status === undefined || fiscalDocumentIssued === undefined || bankRemittanceGenerated === undefined) return undefined;
    if (raw.updatedAmount !== undefined && updatedAmount === undefined) return undefined;
    const invoice = { id, amount: invoiceAmount, dueDate, status, fiscalDocumentIssued, bankRemittanceGenerated };
    out.push(updatedAmount === undefined ? invoice : { ...invoice, updatedAmount });
  }
  return out;
}

function idsOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_AGREEMENT_INVOICES) return undefined;
  for (const id of value as unknown[]) if (typeof id !== 'string' || id.length < 1) return undefined;
  return [...(value as string[])];
}

function eligibilityOf(value: unknown): { allowFiscalDocumentIssued: boolean; allowBankRemittanceGenerated: boolean } | undefined {
  if (value === undefined) return { allowFiscalDocumentIssued: false, allowBankRemittanceGenerated: false };
  if (!isPlainObject(value)) return undefined;
  const allowFiscalDocumentIssued = flag(value.allowFiscalDocumentIssued, false);
  const allowBankRemittanceGenerated = flag(value.allowBankRemittanceGenerated, false);
  return allowFiscalDocumentIssued === undefined || allowBankRemittanceGenerated === undefined ? undefined : { allowFiscalDocumentIssued, allowBankRemittanceGenerated };
}

const FINE_CAP_KEYS = new Set(['consumerContract', 'capPercent', 'aboveCap']);

function fineCapOf(value: unknown): NewProposalFields['fineCap'] | undefined {
  const raw = value === undefined ? {} : value;
  if (!isPlainObject(raw)) return undefined;
  for (const key of Object.keys(raw)) if (!FINE_CAP_KEYS.has(key)) return undefined; // the schema is strict
  const consumerContract = flag(raw.consumerContract, true);
  const capPercent = percent(raw.capPercent === undefined ? '2' : raw.capPercent);
  const aboveCap = oneOf(raw.aboveCap, ABOVE_CAP, 'cap');
  return consumerContract === undefined || capPercent === undefined || aboveCap === undefined ? undefined : { consumerContract, capPercent, aboveCap };
}

function accountPlanOf(value: unknown): NewProposalFields['accountPlan'] | undefined {
  if (value === undefined) return {};
  if (!isPlainObject(value)) return undefined;
  const plan: Partial<Record<(typeof ACCOUNT_PLAN_KEYS)[number], string>> = {};
  for (const key of ACCOUNT_PLAN_KEYS) {
    const code = value[key];
    if (code === undefined) continue;
    const checked = text(code, 100);
    if (checked === undefined) return undefined;
    plan[key] = checked;
  }
  return plan;
}

function installmentsOf(value: unknown): InstallmentsRule | undefined {
  if (!isPlainObject(value)) return undefined;
  const description = text(value.description, 500);
  const paymentProfile = text(value.paymentProfile, 200);
  const moveToBusinessDay = flag(value.moveToBusinessDay, false);
  if (description === undefined || paymentProfile === undefined || moveToBusinessDay === undefined) return undefined;
  const common = { description, paymentProfile, moveToBusinessDay };
  if (value.kind === 'single') {
    const dueDate = date(value.dueDate);
    return dueDate === undefined ? undefined : { kind: 'single', dueDate, ...common };
  }
  if (value.kind === 'regular') {
    const count = value.count;
    const firstDueDate = date(value.firstDueDate);
    const frequency = oneOf(value.frequency, FREQUENCIES, 'monthly');
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_INSTALLMENTS || firstDueDate === undefined || frequency === undefined) return undefined;
    return { kind: 'regular', count, firstDueDate, frequency, ...common };
  }
  if (value.kind === 'dates') {
    const raw = value.dates;
    if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_INSTALLMENTS) return undefined;
    const dates: CivilDate[] = [];
    for (const d of raw as unknown[]) {
      const parsed = date(d);
      if (parsed === undefined) return undefined;
      dates.push(parsed);
    }
    return { kind: 'dates', dates, ...common };
  }
  return undefined;
}
