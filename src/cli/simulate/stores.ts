import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from 'cobranca';
import { MemoryStore } from 'cobranca/adapters/memory';

/** Which store a run uses. */
export type StoreChoice = { readonly kind: 'memory' } | { readonly kind: 'pglite' } | { readonly kind: 'postgres'; readonly url: string };

/** An opened store, its description for the summary, and how to close it (and remove its temporary directory). */
export interface OpenedStore {
  readonly store: Store;
  readonly description: string;
  close(): Promise<void>;
}

/** Opens the memory store, PGlite in a fresh temporary directory, or a PostgreSQL server (a fresh schema per run). */
export async function openStore(choice: StoreChoice, runId: string): Promise<OpenedStore> {
  if (choice.kind === 'memory') return { store: new MemoryStore(), description: 'memory store', close: async () => undefined };
  const { createPostgresStore, openPglite, connectPostgres } = await import('cobranca/adapters/postgres');
  if (choice.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'cobranca-simulation-'));
    const driver = await openPglite(dir);
    const store = await createPostgresStore({ driver });
    return { store, description: 'PGlite (temporary directory)', close: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const driver = await connectPostgres(choice.url);
  const schema = `simulation_${runId}`;
  const store = await createPostgresStore({ driver, schema });
  return { store, description: `PostgreSQL (schema ${schema})`, close: () => store.close() };
}
