/**
 * The embedded default store: in memory, with database semantics, and JSON
 * snapshots ({@link MemoryStore.snapshot}). It runs in any JavaScript runtime;
 * saving to and loading from a file is on the Node-only subpath
 * `cobranca/adapters/memory/file`.
 * @module adapters/memory
 */
export { MemoryStore, type MemorySnapshot, type MemoryStoreOptions } from './memory-store.js';
export { readMemorySnapshot } from './snapshot-schema.js';
