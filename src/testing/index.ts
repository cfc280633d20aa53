/**
 * Test helpers for hosts: clocks that only move when told to.
 * @module testing
 */
export { type ManualClock, manualClock } from './clocks.js';
