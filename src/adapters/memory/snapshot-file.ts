import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError } from '../../errors.js';
import { MemoryStore } from './memory-store.js';
import { readMemorySnapshot } from './snapshot-schema.js';

/**
 * Saves a memory store to a JSON file, atomically and durably: the snapshot is
 * written to a temporary file of its own beside the target (a unique name, so
 * concurrent saves never share one), flushed to disk (`fsync`), then renamed
 * over the target, and the directory is flushed so the rename survives a power
 * cut. A crash at any point leaves the old file or the new one, never half a
 * file; a temporary file a crash left behind (`<name>.<pid>.<uuid>.tmp`) may be deleted.
 * @example
 * ```ts
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { loadMemoryStore, saveMemoryStore } from 'cobranca/adapters/memory/file';
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 *
 * const file = join(mkdtempSync(join(tmpdir(), 'cobranca-')), 'store.json');
 * const store = new MemoryStore();
 * await store.transaction((tx) => tx.customers.insert({ id: 'c-1', version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person' }));
 * await saveMemoryStore(store, file); // after each daily cycle, say
 * const loaded = await loadMemoryStore(file);
 * if (loaded.isOk()) console.log(loaded.value.snapshot().customers.map((c) => c.name));
 * // → [ 'Maria Souza' ]
 * ```
 */
export async function saveMemoryStore(store: MemoryStore, path: string): Promise<void> {
  const text = JSON.stringify(store.snapshot());
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const file = await open(temporary, 'wx');
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Flushes a directory's entries (the rename) to disk; a platform that cannot open directories (Windows) skips it. */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Not supported here: the rename is still atomic, only its durability across a power cut is the platform's.
  } finally {
    await handle?.close();
  }
}

/** Why a snapshot file could not be loaded. */
export type SnapshotErrorCode = 'invalid_snapshot' | 'snapshot_unreadable';

/**
 * Loads a memory store saved by {@link saveMemoryStore}; a missing file gives
 * an empty store. A file that cannot be read, is not JSON, is not a snapshot,
 * or holds a gutted record or an id twice is an error naming what is wrong
 * (and where, in `path`): never a half-loaded store, never a throw.
 * @example
 * ```ts
 * import { loadMemoryStore } from 'cobranca/adapters/memory/file';
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 *
 * const dir = mkdtempSync(join(tmpdir(), 'cobranca-'));
 * const fresh = await loadMemoryStore(join(dir, 'store.json')); // no file yet: an empty store
 * if (fresh.isOk()) console.log(fresh.value.snapshot().invoices.length);
 * writeFileSync(join(dir, 'broken.json'), '{"format":');
 * const broken = await loadMemoryStore(join(dir, 'broken.json'));
 * if (broken.isErr()) console.log(broken.error.code);
 * // → 0
 * // → invalid_snapshot
 * ```
 */
export async function loadMemoryStore(path: string): Promise<Result<MemoryStore, CobrancaError<SnapshotErrorCode>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(new MemoryStore());
    return err(cobrancaError('snapshot_unreadable', `cannot read the snapshot file: ${(error as Error).message}`));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return err(cobrancaError('invalid_snapshot', `the snapshot file is not valid JSON (${text.length} characters): ${(error as Error).message.slice(0, 200)}`));
  }
  return readMemorySnapshot(data).map((snapshot) => MemoryStore.fromSnapshot(snapshot));
}
