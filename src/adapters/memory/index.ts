/**
 * The embedded default store: in memory, with database semantics, and JSON snapshots.
 * @module adapters/memory
 */
export { MemoryStore, type MemorySnapshot } from './memory-store.js';
export { saveMemoryStore, loadMemoryStore } from './snapshot-file.js';
