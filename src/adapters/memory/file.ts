/**
 * File snapshots of the memory store, for Node (they use `node:fs`). The store
 * itself (`cobranca/adapters/memory`) runs in any JavaScript runtime.
 * @module adapters/memory/file
 */
export { saveMemoryStore, loadMemoryStore, type SnapshotErrorCode } from './snapshot-file.js';
