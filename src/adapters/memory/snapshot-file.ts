import { readFile, rename, writeFile } from 'node:fs/promises';
import { MemoryStore, type MemorySnapshot } from './memory-store.js';

/**
 * Saves a memory store to a JSON file, atomically (written beside it, then
 * renamed), so a crash never leaves half a file.
 */
export async function saveMemoryStore(store: MemoryStore, path: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(store.snapshot()), 'utf8');
  await rename(temporary, path);
}

/** Loads a memory store saved by {@link saveMemoryStore}; a missing file gives an empty store. */
export async function loadMemoryStore(path: string): Promise<MemoryStore> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new MemoryStore();
    throw error;
  }
  return MemoryStore.fromSnapshot(JSON.parse(text) as MemorySnapshot);
}
