/**
 * The embedded default store: in memory, with database semantics, and JSON snapshots.
 * @module adapters/memory
 */
export { MemoryStore, type MemorySnapshot } from './memory-store.js';
export { saveMemoryStore, loadMemoryStore, type SnapshotErrorCode } from './snapshot-file.js';
export { readMemorySnapshot } from './snapshot-schema.js';
