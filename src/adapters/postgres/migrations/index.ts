import { initial } from './0001-initial.js';
import { outboxClaims } from './0002-outbox-claims.js';
import { protests } from './0003-protests.js';
import { registers } from './0004-registers.js';
import { outboxByKind } from './0005-outbox-by-kind.js';
import { actionLogStepIds } from './0006-action-log-step-ids.js';
import { wakeIndex } from './0007-wake-index.js';
import { wakeQuietNegativationUpdates } from './0008-wake-quiet-negativation-updates.js';
import { negativationDue } from './0009-negativation-due.js';
import { negativationRegistrations } from './0010-negativation-registrations.js';
import { negativationDueWrittenOnce } from './0011-negativation-due-written-once.js';
import { lighterWrites } from './0012-lighter-writes.js';
import { fewerIndexEntries } from './0013-fewer-index-entries.js';

/** One step of the schema: `version` n turns a schema at n − 1 into n. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The SQL for a schema (already quoted); several statements separated by `;`. */
  readonly sql: (schema: string) => string;
}

/** Every migration, in order. Never edit a released one: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'outbox claims', sql: outboxClaims },
  { version: 3, name: 'protests', sql: protests },
  { version: 4, name: 'registers', sql: registers },
  { version: 5, name: 'outbox by kind', sql: outboxByKind },
  { version: 6, name: 'action log step ids', sql: actionLogStepIds },
  { version: 7, name: 'wake index', sql: wakeIndex },
  { version: 8, name: 'wake: quiet negativation updates', sql: wakeQuietNegativationUpdates },
  { version: 9, name: 'negativation due index', sql: negativationDue },
  { version: 10, name: 'negativation registration days', sql: negativationRegistrations },
  { version: 11, name: 'negativation due rows written once', sql: negativationDueWrittenOnce },
  { version: 12, name: 'lighter writes', sql: lighterWrites },
  { version: 13, name: 'fewer index entries', sql: fewerIndexEntries },
];
