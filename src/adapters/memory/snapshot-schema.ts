import * as z from 'zod';
import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, fromZodError, type CobrancaError, type InputIssue } from '../../errors.js';
import type {
  ActionLogEntry, AgreementRecord, AuditEntry, CollectionAccountRecord, CustomerRecord, IdempotencyRecord, InvoiceRecord, NegativationRecord, OutboxEffect, PaymentRecord, ProtestRecord, RegisterRecord,
} from '../../ports/records.js';

/** Everything a memory store holds, as plain JSON-ready data (see `MemoryStore.snapshot`). */
export interface MemorySnapshot {
  readonly format: 'cobranca-memory-store';
  readonly formatVersion: 1;
  readonly customers: readonly CustomerRecord[];
  readonly invoices: readonly InvoiceRecord[];
  readonly payments: readonly PaymentRecord[];
  readonly accounts: readonly CollectionAccountRecord[];
  readonly agreements: readonly AgreementRecord[];
  readonly negativations: readonly NegativationRecord[];
  /** Seed 004's registers (absent in snapshots written before they existed). */
  readonly registers?: readonly RegisterRecord[];
  /** Absent in snapshots written before protests existed. */
  readonly protests?: readonly ProtestRecord[];
  readonly actionLog: readonly ActionLogEntry[];
  readonly outbox: readonly OutboxEffect[];
  readonly audit: readonly AuditEntry[];
  readonly idempotency: readonly IdempotencyRecord[];
}

const text = z.string();
const id = z.string().min(1);
const money = z.looseObject({ cents: z.number().int() });
const versioned = { id, version: z.number().int().min(1) };

/**
 * What a snapshot must hold, record by record: the fields every record of a
 * collection has (extra fields are kept). A gutted record (an invoice without
 * an amount, an effect without a key) is refused instead of loaded half-empty.
 */
const snapshotSchema = z.object({
  format: z.literal('cobranca-memory-store'),
  formatVersion: z.literal(1),
  customers: z.array(z.looseObject({ ...versioned, name: text, taxId: text, kind: z.enum(['person', 'company']) })),
  invoices: z.array(z.looseObject({ ...versioned, customerId: id, amount: money, dueDate: text, status: z.enum(['open', 'paid', 'cancelled', 'suspended', 'deleted']), paid: money })),
  payments: z.array(z.looseObject({ ...versioned, invoiceId: id, customerId: id, amount: money, paidOn: text, fundsAvailableOn: text })),
  accounts: z.array(z.looseObject({ ...versioned, customerId: id, status: text, openedOn: text, invoiceIds: z.array(text), comments: z.array(z.unknown()), attachments: z.array(z.unknown()), messages: z.array(z.unknown()), tasks: z.array(z.unknown()) })),
  agreements: z.array(z.looseObject({ ...versioned, customerId: id, status: text, installmentInvoices: z.array(z.looseObject({ number: z.number().int(), invoiceId: id })), agreement: z.looseObject({}) })),
  negativations: z.array(z.looseObject({ ...versioned, customerId: id, invoiceId: id, uniqueKey: text, status: text, negativation: z.looseObject({}) })),
  /** Notarial protests; absent in snapshots written before they existed. */
  protests: z.array(z.looseObject({ ...versioned, customerId: id, invoiceId: id, status: text })).optional(),
  /** Seed 004's registers; absent in snapshots written before they existed. */
  registers: z.array(z.looseObject({ ...versioned, register: z.enum(['agreement_category', 'email_template']), name: text, active: z.boolean() })).optional(),
  actionLog: z.array(z.looseObject({ key: id, invoiceId: id, customerId: id, stepId: text, action: text, on: text, at: text, stepIds: z.array(text).optional() })),
  outbox: z.array(z.looseObject({ id, key: id, kind: text, payload: z.looseObject({}), status: z.enum(['pending', 'done', 'failed', 'cancelled']), attempts: z.number().int().min(0), createdAt: text })),
  audit: z.array(z.looseObject({ id, at: text, actor: text, subjectType: text, subjectId: text, action: text })),
  idempotency: z.array(z.looseObject({ key: id, command: text, at: text, response: z.unknown() })),
});

/** The first value of `field` that occurs twice in `records`, with both positions. */
function firstDuplicate(records: readonly Record<string, unknown>[], field: string): { value: string; first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    const value = String(record[field]);
    const first = seen.get(value);
    if (first !== undefined) return { value, first, second: index };
    seen.set(value, index);
  }
  return undefined;
}

/** Fields that must be unique within each part of a snapshot. */
const UNIQUE: readonly (readonly [keyof MemorySnapshot, string])[] = [
  ['customers', 'id'], ['invoices', 'id'], ['payments', 'id'], ['accounts', 'id'], ['agreements', 'id'], ['negativations', 'id'], ['negativations', 'uniqueKey'], ['protests', 'id'], ['registers', 'id'],
  ['actionLog', 'key'], ['outbox', 'id'], ['outbox', 'key'], ['audit', 'id'], ['idempotency', 'key'],
];

/**
 * Checks data read from a snapshot file before a store is built from it: the
 * format, every record's required fields, and no id or key twice. Never
 * throws; the error's `path` names the first bad part (`invoices[3].amount`).
 * @example
 * ```ts
 * import { MemoryStore, readMemorySnapshot } from 'cobranca/adapters/memory';
 *
 * const store = new MemoryStore();
 * await store.transaction((tx) => tx.customers.insert({ id: 'c-1', version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person' }));
 * const text = JSON.stringify(store.snapshot()); // kept in a file, a KV store, localStorage …
 * readMemorySnapshot(JSON.parse(text)).match(
 *   (snapshot) => console.log(MemoryStore.fromSnapshot(snapshot).snapshot().customers.length),
 *   (error) => console.log(error.code, error.path?.join('.')),
 * );
 * const gutted = readMemorySnapshot({ ...JSON.parse(text), customers: [{ id: 'c-1' }] });
 * if (gutted.isErr()) console.log(gutted.error.code);
 * // → 1
 * // → invalid_snapshot
 * ```
 */
export function readMemorySnapshot(data: unknown): Result<MemorySnapshot, CobrancaError<'invalid_snapshot'>> {
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    const [issue] = fromZodError(parsed.error).details?.issues as InputIssue[];
    return err(cobrancaError('invalid_snapshot', `not a valid cobranca memory-store snapshot: ${issue?.message ?? 'invalid'}`, { path: issue?.path ?? [] }));
  }
  const snapshot = parsed.data as unknown as MemorySnapshot;
  for (const [part, field] of UNIQUE) {
    const duplicate = firstDuplicate((snapshot[part] ?? []) as unknown as Record<string, unknown>[], field);
    if (duplicate) {
      return err(cobrancaError('invalid_snapshot', `${field} ${JSON.stringify(duplicate.value.slice(0, 80))} appears twice (at ${duplicate.first} and ${duplicate.second})`, { path: [part, duplicate.second, field] }));
    }
  }
  return ok(snapshot);
}
