/**
 * Test helpers for hosts: the storage conformance suite for your own store,
 * clocks that only move when told to, and recording fakes of the ports.
 * @module testing
 */
export { type ManualClock, manualClock } from './clocks.js';
export { type ConformanceCase, type StoreFactory, type TestRunner, storeConformanceCases, describeStoreConformance } from './store-conformance.js';
export { sequentialIds, recordingNotifier, fakeBureau, staticRates, type RecordingNotifier, type FakeBureau } from './fakes.js';
