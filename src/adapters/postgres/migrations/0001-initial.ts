/** Version 1: the six collections, the action log, the outbox, the audit log and idempotency keys. */
export const initial = (s: string): string => `
CREATE TABLE ${s}.customers (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL,
  tax_id text NOT NULL,
  kind text NOT NULL,
  branch_id text,
  email text,
  phone text,
  birth_date date,
  body jsonb NOT NULL
);

CREATE TABLE ${s}.invoices (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  customer_id text NOT NULL,
  branch_id text,
  contract_id text,
  description text,
  amount_cents bigint NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL,
  paid_cents bigint NOT NULL,
  paid_on date,
  agreement_id text,
  collection_account_id text,
  body jsonb NOT NULL
);
CREATE INDEX invoices_customer ON ${s}.invoices (customer_id, id);
CREATE INDEX invoices_status ON ${s}.invoices (status, id);

CREATE TABLE ${s}.payments (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  invoice_id text NOT NULL,
  customer_id text NOT NULL,
  amount_cents bigint NOT NULL,
  paid_on date NOT NULL,
  funds_available_on date NOT NULL,
  method text,
  body jsonb NOT NULL
);
CREATE INDEX payments_invoice ON ${s}.payments (invoice_id, id);
CREATE INDEX payments_customer ON ${s}.payments (customer_id, id);

CREATE TABLE ${s}.accounts (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  customer_id text NOT NULL,
  status text NOT NULL,
  opened_on date NOT NULL,
  confirmed_on date,
  body jsonb NOT NULL
);
CREATE INDEX accounts_customer ON ${s}.accounts (customer_id, id);

CREATE TABLE ${s}.agreements (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  customer_id text NOT NULL,
  status text NOT NULL,
  settled_on date,
  funds_available_on date,
  body jsonb NOT NULL
);
CREATE INDEX agreements_customer ON ${s}.agreements (customer_id, id);

CREATE TABLE ${s}.negativations (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  customer_id text NOT NULL,
  invoice_id text NOT NULL,
  unique_key text NOT NULL,
  status text NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX negativations_invoice ON ${s}.negativations (invoice_id, id);
CREATE INDEX negativations_customer ON ${s}.negativations (customer_id, id);
CREATE INDEX negativations_unique_key ON ${s}.negativations (unique_key);

-- Exactly once: the key is the primary key, so a second insert of a key does nothing.
CREATE TABLE ${s}.action_log (
  key text COLLATE "C" PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  invoice_id text NOT NULL,
  customer_id text NOT NULL,
  step_id text NOT NULL,
  action text NOT NULL,
  on_date date NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX action_log_invoice ON ${s}.action_log (invoice_id, seq);

-- Exactly once: one effect per key (and per id); seq keeps the enqueue order.
CREATE TABLE ${s}.outbox (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  key text COLLATE "C" NOT NULL UNIQUE,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL CHECK (attempts >= 0),
  created_at timestamptz NOT NULL,
  not_before timestamptz,
  done_at timestamptz,
  last_error text
);
CREATE INDEX outbox_pending ON ${s}.outbox (seq) WHERE status = 'pending';

CREATE TABLE ${s}.audit (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  action text NOT NULL,
  details jsonb
);
CREATE INDEX audit_subject ON ${s}.audit (subject_type, subject_id, seq);

CREATE TABLE ${s}.idempotency (
  key text COLLATE "C" PRIMARY KEY,
  command text NOT NULL,
  response jsonb NOT NULL,
  at timestamptz NOT NULL
);
`;
