/**
 * Test helpers for hosts: the storage conformance suite for your own store,
 * and clocks that only move when told to.
 * @module testing
 */
export { type ManualClock, manualClock } from './clocks.js';
export { type ConformanceCase, type StoreFactory, type TestRunner, storeConformanceCases, describeStoreConformance } from './store-conformance.js';
