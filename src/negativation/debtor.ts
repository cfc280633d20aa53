import { ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { civilDateSchema, STATE_CODES, type CivilDate } from '../calendar/index.js';
import { parseTaxId, type TaxId } from '../documents/index.js';
import type { CobrancaError } from '../errors.js';

const optionalText = z.string().optional();

/**
 * The debtor as the host knows them. Deliberately lenient: empty or missing
 * fields are not input errors but a list of what is missing
 * ({@link debtorDataProblems}), which seed 000 asks the operator to fill in.
 */
export const debtorInputSchema = z
  .object({
    document: z.string(),
    name: optionalText,
    birthDate: civilDateSchema.optional(),
    address: z
      .object({
        street: optionalText,
        number: optionalText,
        complement: optionalText,
        district: optionalText,
        city: optionalText,
        state: optionalText,
        cep: optionalText,
      })
      .strict()
      .optional(),
    email: optionalText,
    phone: optionalText,
  })
  .strict();

/** Input form of a debtor (see {@link debtorInputSchema}). */
export type DebtorInput = z.output<typeof debtorInputSchema>;

/** A debtor whose data passed {@link debtorDataProblems}: the document is a valid CPF or CNPJ. */
export interface Debtor {
  readonly document: TaxId;
  readonly name: string;
  readonly birthDate?: CivilDate;
  readonly address: {
    readonly street: string;
    readonly number: string;
    readonly complement?: string;
    readonly district?: string;
    readonly city: string;
    readonly state: string;
    readonly cep: string;
  };
  readonly email?: string;
  readonly phone?: string;
}

/** One missing or invalid piece of debtor data. */
export interface DebtorDataProblem {
  /** Dotted field name: `document`, `name`, `address.cep`, `birthDate` … */
  readonly field: string;
  readonly problem: 'missing' | 'invalid';
  readonly message: string;
}

const CEP = /^\d{5}-?\d{3}$/;

/** Missing, empty, or not text at all (a number where a CEP should be is as good as missing). */
function blank(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

/**
 * What is missing or invalid in a debtor's data before a bureau accepts it:
 * CPF/CNPJ with valid check digits, name, address with street, number, city,
 * state (UF) and CEP, and the birth date of individuals when the bureau asks
 * (`requireBirthDate`). CDC art. 43 (accuracy of the record) and seed 000
 * (the operator fills what is missing). Empty list = complete.
 * @example
 * ```ts
 * import { debtorDataProblems } from 'cobranca/negativation';
 *
 * const problems = debtorDataProblems({ document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', city: 'São Paulo', state: 'SP', cep: '1001-000' } }, false);
 * for (const problem of problems) console.log(problem.field, problem.problem);
 * // → address.number missing
 * // → address.cep invalid
 * ```
 */
export function debtorDataProblems(input: DebtorInput, requireBirthDate: boolean): DebtorDataProblem[] {
  return debtorProblemsWith(input, requireBirthDate, undefined);
}

/** {@link debtorDataProblems} with the document already parsed (`taxId`, when it is valid), so it is not parsed again. */
export function debtorProblemsWith(input: DebtorInput, requireBirthDate: boolean, parsedTaxId: TaxId | undefined): DebtorDataProblem[] {
  // Read defensively: a host may hand over anything here, and every gap is a listed problem, never a throw.
  const debtor = (typeof input === 'object' && input !== null ? input : {}) as Partial<DebtorInput>;
  const problems: DebtorDataProblem[] = [];
  const missing = (field: string, what: string) => problems.push({ field, problem: 'missing', message: `${what} is missing` });
  const invalid = (field: string, message: string) => problems.push({ field, problem: 'invalid', message });

  const taxId: Result<TaxId, CobrancaError<'invalid_tax_id'>> = parsedTaxId !== undefined ? ok(parsedTaxId) : parseTaxId(debtor.document);
  if (blank(debtor.document)) missing('document', 'CPF or CNPJ');
  else if (taxId.isErr()) invalid('document', taxId.error.message);
  if (blank(debtor.name)) missing('name', 'name');
  const address = (typeof debtor.address === 'object' && debtor.address !== null ? debtor.address : {}) as NonNullable<DebtorInput['address']>;
  if (blank(address.street)) missing('address.street', 'street');
  if (blank(address.number)) missing('address.number', 'street number');
  if (blank(address.city)) missing('address.city', 'city');
  if (blank(address.state)) missing('address.state', 'state (UF)');
  else if (!(STATE_CODES as readonly string[]).includes((address.state ?? '').trim().toUpperCase())) invalid('address.state', `'${address.state ?? ''}' is not a Brazilian state (UF)`);
  if (blank(address.cep)) missing('address.cep', 'CEP');
  else if (!CEP.test((address.cep ?? '').trim())) invalid('address.cep', `CEP '${address.cep ?? ''}' must have 8 digits (00000-000)`);
  if (requireBirthDate && taxId.isOk() && taxId.value.kind === 'cpf' && debtor.birthDate === undefined) missing('birthDate', 'birth date');
  return problems;
}

/** The validated {@link Debtor}; only call after {@link debtorDataProblems} returned an empty list. */
export function toDebtor(input: DebtorInput, parsedTaxId?: TaxId): Debtor {
  const document = parsedTaxId !== undefined ? ok(parsedTaxId) : parseTaxId(input.document);
  if (document.isErr()) throw new TypeError('toDebtor: call debtorDataProblems first');
  const a = input.address ?? {};
  const trimmed = (text: string | undefined) => (text ?? '').trim();
  const cep = trimmed(a.cep).replace('-', '');
  return {
    document: document.value,
    name: trimmed(input.name),
    ...(input.birthDate !== undefined ? { birthDate: input.birthDate } : {}),
    address: {
      street: trimmed(a.street),
      number: trimmed(a.number),
      ...(blank(a.complement) ? {} : { complement: trimmed(a.complement) }),
      ...(blank(a.district) ? {} : { district: trimmed(a.district) }),
      city: trimmed(a.city),
      state: trimmed(a.state).toUpperCase(),
      cep: `${cep.slice(0, 5)}-${cep.slice(5)}`,
    },
    ...(blank(input.email) ? {} : { email: trimmed(input.email) }),
    ...(blank(input.phone) ? {} : { phone: trimmed(input.phone) }),
  };
}
