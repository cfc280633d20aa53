import { rmSync } from 'node:fs';
import type { Store } from 'cobranca';
import { MemoryStore } from 'cobranca/adapters/memory';
import { pgliteFromTemplate } from './pglite-template.js';

/** Which store a run uses. */
export type StoreChoice = { readonly kind: 'memory' } | { readonly kind: 'pglite' } | { readonly kind: 'postgres'; readonly url: string };

/** An opened store, its description for the summary, and how to close it (and remove its temporary directory). */
export interface OpenedStore {
  readonly store: Store;
  readonly description: string;
  close(): Promise<void>;
}

/**
 * Opens the memory store, PGlite in a fresh temporary directory (a copy of a
 * cached template already initialised and migrated: see
 * {@link pgliteFromTemplate}), or a PostgreSQL server (a fresh schema per run).
 */
export async function openStore(choice: StoreChoice, runId: string): Promise<OpenedStore> {
  if (choice.kind === 'memory') return { store: new MemoryStore(), description: 'memory store', close: async () => undefined };
  const { createPostgresStore, openPglite, connectPostgres, MIGRATIONS } = await import('cobranca/adapters/postgres');
  if (choice.kind === 'pglite') {
    const schemaKey = MIGRATIONS.map((m) => `${m.version}:${m.sql('"cobranca"')}`).join('\n');
    const dir = await pgliteFromTemplate(schemaKey, async (scratch) => {
      const built = await createPostgresStore({ driver: await openPglite(scratch) });
      await built.close();
    });
    const driver = await openPglite(dir);
    const store = await createPostgresStore({ driver });
    return { store, description: 'PGlite (temporary directory)', close: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const driver = await connectPostgres(choice.url);
  const schema = `simulation_${runId}`;
  const store = await createPostgresStore({ driver, schema });
  return { store, description: `PostgreSQL (schema ${schema})`, close: () => store.close() };
}
