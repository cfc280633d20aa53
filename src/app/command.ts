import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { Decimal } from 'decimal.js';
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, parseInput, type CobrancaError } from '../errors.js';
import { maskDeep, maskPersonalData } from '../documents/index.js';
import { isVersionConflict, type StoreTransaction } from '../ports/index.js';
import type { AppContext } from './dependencies.js';
import type { CollectionsError } from './errors.js';

/** Fields every command input carries. Strict: a command schema extends it, so an unknown field is `invalid_input` naming it. */
export const commandBaseSchema = z.strictObject({
  /** Repeating a command with the same key returns the first answer and changes nothing. */
  idempotencyKey: z.string().min(1).max(200),
  /** Who asks (operator login, `system`, an integration's name): kept in the audit log. */
  actor: z.string().min(1).max(200),
});

/** The base fields, as a type. */
export type CommandBase = z.infer<typeof commandBaseSchema>;

class Abort extends Error {
  constructor(readonly error: CollectionsError) {
    super(error.message);
  }
}

/**
 * Runs a step that may `abort` with a domain refusal and returns the refusal
 * instead of unwinding the whole transaction (the step must abort before it
 * writes, as the domain's guards do).
 */
export async function attempt<T>(step: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: CollectionsError }> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    if (error instanceof Abort) return { ok: false, error: error.error };
    throw error;
  }
}

/** Ends a command's transaction with an error: everything it wrote is rolled back. */
export function abort(error: CollectionsError): never {
  throw new Abort(error);
}

/** Unwraps a `Result` inside a command, aborting (and rolling back) on an error. */
export function unwrap<T>(result: Result<T, CollectionsError>): T {
  if (result.isErr()) abort(result.error);
  return result.value;
}

/**
 * The fingerprint of a command: a SHA-256 digest of its parsed input in
 * canonical form (keys sorted at every level, defaults filled in, amounts as
 * centavos), so `'10.00'` and `{ cents: 1000 }`, or a default written out, are
 * the same command, and a reused key with any other input is told apart from a
 * replay. Only the digest is stored: no personal data of the input is kept.
 * `undefined` when the input cannot be serialised (a cycle).
 */
function fingerprint(command: string, input: unknown): string | undefined {
  try {
    const text = JSON.stringify({ command, input }, function (this: Record<string, unknown>, key: string, value: unknown) {
      // A decimal's own JSON keeps the sign of zero ('-0'): '-0.00' and '0' are the same percentage.
      const raw = this[key];
      if (Decimal.isDecimal(raw)) return raw.isZero() ? '0' : raw.toFixed();
      if (typeof value === 'bigint') return `${value}n`;
      return value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
        : value;
    });
    return bytesToHex(sha256(utf8ToBytes(text)));
  } catch {
    return undefined;
  }
}

/**
 * Runs a command exactly once per idempotency key: parses the input, then in
 * one transaction either replays the stored answer (same key, same input) or
 * runs `work` and stores its answer with everything it wrote. The stored
 * answer has personal data masked (a replay returns that copy); errors too. A domain error
 * (`abort`/`unwrap`), a version conflict or a store failure rolls everything back
 * and comes back as an `Err`; nothing throws.
 */
export async function runCommand<S extends z.ZodType<CommandBase>, T>(
  context: AppContext,
  command: string,
  schema: S,
  rawInput: unknown,
  work: (tx: StoreTransaction, input: z.output<S>) => Promise<T>,
): Promise<Result<T, CollectionsError>> {
  const parsed = parseInput(schema, rawInput);
  if (parsed.isErr()) return err(maskDeep(parsed.error) as CollectionsError);
  const input = parsed.value;
  const { idempotencyKey: _key, ...rest } = input as Record<string, unknown>;
  const print = fingerprint(command, rest);
  if (print === undefined) return err(cobrancaError('invalid_input', 'the input cannot be serialised (does it hold a cycle?)'));
  try {
    const value = await context.store.transaction(async (tx) => {
      const previous = await tx.idempotency.get(input.idempotencyKey);
      if (previous) {
        const stored = previous.response as { input: string; value: T };
        if (previous.command !== command || stored.input !== print) {
          const what = previous.command !== command ? `for ${previous.command}` : `for ${command} with a different input`;
          abort(cobrancaError('idempotency_key_reused', `idempotency key '${input.idempotencyKey}' was already used ${what}`, { path: ['idempotencyKey'] }));
        }
        return stored.value;
      }
      const result = await work(tx, input);
      // What is kept to answer a replay: the input's digest and the answer with personal data masked (a replay gets that copy).
      await tx.idempotency.put({ key: input.idempotencyKey, command, response: { input: print, value: maskDeep(result) }, at: context.nowIso() });
      return result;
    });
    return ok(value);
  } catch (error) {
    return err(maskDeep(toAppError(error)) as CollectionsError);
  }
}

/** Maps whatever a unit of work threw to a {@link CobrancaError}. */
export function toAppError(error: unknown): CollectionsError {
  if (error instanceof Abort) return error.error;
  if (isVersionConflict(error)) return cobrancaError('version_conflict', `${error.message}; read it again and retry`);
  return cobrancaError('store_failure', `the store failed: ${maskPersonalData(error instanceof Error ? error.message : String(error))}`);
}

/** A `not_found` error for a missing record. */
export function notFound(what: string, id: string, path: (string | number)[]): CobrancaError<'not_found'> {
  return cobrancaError('not_found', `${what} '${id}' does not exist`, { path });
}
