import type { RecordFilter } from '../../ports/store.js';

/** How a record field is kept in its own column: text, money as bigint centavos, a civil date as `date`, a boolean or an integer. */
export type ColumnKind = 'text' | 'money' | 'date' | 'bool' | 'int';

/** One record field with a column of its own (the others go, verbatim, into the `body` jsonb column). */
export interface ColumnSpec {
  readonly field: string;
  readonly column: string;
  readonly kind: ColumnKind;
}

/** How one collection of aggregates is laid out: `id`, `version`, the typed columns, then `body`. */
export interface TableSpec {
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
}

const text = (field: string, column: string): ColumnSpec => ({ field, column, kind: 'text' });
const money = (field: string, column: string): ColumnSpec => ({ field, column, kind: 'money' });
const date = (field: string, column: string): ColumnSpec => ({ field, column, kind: 'date' });

/** The collections of the `Store` port and their columns (kept in step with the migrations). */
export const TABLES = {
  customers: { table: 'customers', columns: [text('name', 'name'), text('taxId', 'tax_id'), text('kind', 'kind'), text('branchId', 'branch_id'), text('email', 'email'), text('phone', 'phone'), date('birthDate', 'birth_date')] },
  invoices: {
    table: 'invoices',
    columns: [
      text('customerId', 'customer_id'), text('branchId', 'branch_id'), text('contractId', 'contract_id'), text('description', 'description'),
      money('amount', 'amount_cents'), date('dueDate', 'due_date'), text('status', 'status'), money('paid', 'paid_cents'), date('paidOn', 'paid_on'),
      text('agreementId', 'agreement_id'), text('collectionAccountId', 'collection_account_id'),
    ],
  },
  payments: { table: 'payments', columns: [text('invoiceId', 'invoice_id'), text('customerId', 'customer_id'), money('amount', 'amount_cents'), date('paidOn', 'paid_on'), date('fundsAvailableOn', 'funds_available_on'), text('method', 'method')] },
  accounts: { table: 'accounts', columns: [text('customerId', 'customer_id'), text('status', 'status'), date('openedOn', 'opened_on'), date('confirmedOn', 'confirmed_on')] },
  agreements: { table: 'agreements', columns: [text('customerId', 'customer_id'), text('status', 'status'), date('settledOn', 'settled_on'), date('fundsAvailableOn', 'funds_available_on')] },
  negativations: { table: 'negativations', columns: [text('customerId', 'customer_id'), text('invoiceId', 'invoice_id'), text('uniqueKey', 'unique_key'), text('status', 'status')] },
  protests: { table: 'protests', columns: [text('customerId', 'customer_id'), text('invoiceId', 'invoice_id'), text('uniqueKey', 'unique_key'), text('status', 'status')] },
  registers: { table: 'registers', columns: [text('register', 'register'), text('name', 'name'), { field: 'active', column: 'active', kind: 'bool' }] },
} as const satisfies Record<string, TableSpec>;

/** The name of a collection of the port. */
export type CollectionName = keyof typeof TABLES;

/** The column a list filter field reads, or `undefined` when the table has no such field (the filter then matches nothing). */
export function filterColumn(spec: TableSpec, field: keyof RecordFilter): string | undefined {
  return spec.columns.find((c) => c.field === field)?.column;
}

/** A schema name checked and double-quoted for SQL text (it is the only identifier not written literally). */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`schema name must be lower-case letters, digits and _ (at most 63), got ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}
