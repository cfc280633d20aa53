import { err, ok, type Result } from 'neverthrow';
import type { z } from 'zod';
import type { Decimal } from 'decimal.js';

/** A location inside an input: object keys and array indexes, outermost first. */
export type ErrorPath = readonly (string | number)[];

/**
 * The one error shape of the library. `code` is stable (safe to switch on and
 * to store); `message` is for people; `path` points at the offending field of
 * the input when there is one; `details` carries machine-readable extras (for
 * example the difference of an unbalanced plan).
 */
export interface CobrancaError<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
  readonly path?: ErrorPath;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Error codes produced by the shared kernel (money, calendar, documents, parsing). */
export type KernelErrorCode =
  | 'invalid_input'
  | 'invalid_money'
  | 'amount_out_of_range'
  | 'invalid_decimal'
  | 'invalid_allocation'
  | 'invalid_date'
  | 'invalid_cpf'
  | 'invalid_cnpj'
  | 'invalid_tax_id';

/** Longest piece of input an error message quotes; longer text is cut, with its length said (a 10 MB input is not echoed back). */
export const MAX_QUOTED_LENGTH = 100;

/** Quotes input text in an error message, cut to {@link MAX_QUOTED_LENGTH} characters. Never throws. */
export function quote(text: string): string {
  return text.length > MAX_QUOTED_LENGTH ? `'${text.slice(0, MAX_QUOTED_LENGTH)}…' (${text.length} characters)` : `'${text}'`;
}

/** Longest error message: anything longer (an echoed 10 MB input) is cut, with its length said. */
export const MAX_MESSAGE_LENGTH = 1_000;

function capped(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}… (${message.length} characters)` : message;
}

/**
 * Renders a path the way people read it: `installments[2].amount`.
 * @example
 * ```ts
 * import { formatPath } from 'cobranca';
 * import { parseMoney } from 'cobranca/money';
 *
 * const amount = parseMoney('12,34', ['installments', 2, 'amount']);
 * if (amount.isErr()) console.log(formatPath(amount.error.path ?? [])); // → installments[2].amount
 * ```
 */
export function formatPath(path: ErrorPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Builds a {@link CobrancaError}; the message is prefixed with the path when one is given. */
export function cobrancaError<Code extends string>(
  code: Code,
  message: string,
  options: { path?: ErrorPath; details?: Readonly<Record<string, unknown>> } = {},
): CobrancaError<Code> {
  const where = options.path && options.path.length > 0 ? `${formatPath(options.path.slice(0, 20))}: ` : '';
  return {
    code,
    message: capped(where + message),
    ...(options.path && options.path.length > 0 ? { path: options.path } : {}),
    ...(options.details ? { details: options.details } : {}),
  };
}

/** Shorthand for `err(cobrancaError(...))`. */
export function fail<Code extends string>(
  code: Code,
  message: string,
  options: { path?: ErrorPath; details?: Readonly<Record<string, unknown>> } = {},
): Result<never, CobrancaError<Code>> {
  return err(cobrancaError(code, message, options));
}

/** Prepends `prefix` to the path of an error (used when a nested parser reports inside a bigger input). */
export function withPathPrefix<Code extends string>(error: CobrancaError<Code>, prefix: ErrorPath): CobrancaError<Code> {
  const path = [...prefix, ...(error.path ?? [])];
  const bare = error.path && error.path.length > 0 ? error.message.slice(formatPath(error.path).length + 2) : error.message;
  return cobrancaError(error.code, bare, { path, ...(error.details ? { details: error.details } : {}) });
}

/** One problem reported by zod, kept in `details.issues` of an `invalid_input` error. */
export interface InputIssue {
  readonly path: ErrorPath;
  readonly message: string;
}

/**
 * Turns a zod error into an `invalid_input` {@link CobrancaError}. The first
 * issue gives `path` and the message; every issue is listed in `details.issues`.
 */
export function fromZodError(error: z.ZodError, basePath: ErrorPath = []): CobrancaError<'invalid_input'> {
  const issues: InputIssue[] = error.issues.flatMap((issue) => {
    const path = [...basePath, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    // A strict schema's unknown field: one issue per field, its path naming it (`proposal.finePercentage`).
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field '${key}'` }));
    return [{ path, message: issue.message }];
  });
  const first = issues[0] ?? { path: basePath, message: 'invalid input' };
  const summary = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return cobrancaError('invalid_input', first.message + summary, { path: first.path, details: { issues } });
}

/**
 * `T` with every property and array read-only, all the way down: an input type
 * then accepts what a host holds in `as const` objects and `readonly` arrays as
 * well as plain ones (the function reads its input, never changes it). Values
 * (amounts, decimals, dates, functions) are kept as they are.
 */
export type DeepReadonly<T> = T extends ((...args: never[]) => unknown) | Decimal | Date | ReadonlyMap<unknown, unknown> | ReadonlySet<unknown> | { readonly cents: number }
  ? T
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * What a public function or command takes: the schema's `z.input` (amounts as
 * `'373.52'` or `{ cents }`, dates as `'2026-11-20'`, defaults optional), read-only.
 * The schema stays the run-time check; this type catches a mistyped field at compile time.
 * @example
 * ```ts
 * import * as z from 'zod';
 * import type { InputOf } from 'cobranca';
 * const schema = z.strictObject({ amount: z.string(), note: z.string().optional() });
 * const input: InputOf<typeof schema> = { amount: '10.00' };
 * console.log(input.amount); // 10.00
 * ```
 */
export type InputOf<S extends z.ZodType> = DeepReadonly<z.input<S>>;

/** Parses `input` with a zod schema at a public boundary, never throwing. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  basePath: ErrorPath = [],
): Result<z.output<S>, CobrancaError<'invalid_input'>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(fromZodError(parsed.error, basePath));
}


/**
 * Checks a value from outside (parsed JSON, a request body) against a public
 * schema and hands it back unchanged, typed as what the function or command
 * takes: the edge check of a host whose data arrives as `unknown`. A bad value
 * is the same `invalid_input` error (message, `path`, `details.issues`) the
 * function would return.
 * @example
 * ```ts
 * import { checkInput, commandSchemas } from 'cobranca';
 *
 * const body: unknown = JSON.parse('{"idempotencyKey":"k","actor":"pix","invoiceId":"inv-1","amount":"10.00","paidOn":"2026-11-20"}');
 * const input = checkInput(commandSchemas.recordPayment, body);
 * if (input.isErr()) throw new Error(input.error.message);
 * console.log(input.value.amount); // 10.00 (the value as given, typed)
 * ```
 */
export function checkInput<S extends z.ZodType>(schema: S, value: unknown): Result<InputOf<S>, CobrancaError<'invalid_input'>> {
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(value as InputOf<S>) : err(fromZodError(parsed.error));
}
