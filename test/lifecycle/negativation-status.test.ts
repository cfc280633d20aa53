import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEGATIVATION_SIGNIFICANCE, NEGATIVATION_STATUSES, bySignificance, isFinalStatus, isRegistered, occupiesKey } from '../../src/lifecycle/index.js';
import * as negativation from '../../src/negativation/index.js';
import { eventsAllowedIn } from '../../src/negativation/index.js';

describe('one list of negativation statuses', () => {
  it('the negativation module re-exports the kernel list, not a copy', () => {
    expect(negativation.NEGATIVATION_STATUSES).toBe(NEGATIVATION_STATUSES);
    expect(negativation.isFinalStatus).toBe(isFinalStatus);
  });

  it('the significance order is a permutation of the list', () => {
    expect([...NEGATIVATION_SIGNIFICANCE].sort()).toEqual([...NEGATIVATION_STATUSES].sort());
    expect([...NEGATIVATION_STATUSES].sort(bySignificance)).toEqual(NEGATIVATION_SIGNIFICANCE);
  });

  it('a final status is one no event leaves, and only a final status frees the key', () => {
    for (const status of NEGATIVATION_STATUSES) {
      expect(isFinalStatus(status)).toBe(eventsAllowedIn(status).length === 0);
      expect(occupiesKey(status)).toBe(!isFinalStatus(status));
    }
  });

  it('isRegistered: negativated and recovering always hold a registration; cancelling and failed only once accepted; a confirmed removal ends it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NEGATIVATION_STATUSES), fc.option(fc.constant('2026-03-01'), { nil: undefined }), fc.option(fc.constant('2026-04-01'), { nil: undefined }), (status, registeredOn, removalConfirmedOn) => {
        const expected =
          removalConfirmedOn === undefined &&
          (status === 'negativated' || status === 'recovering' || ((status === 'cancelling' || status === 'failed') && registeredOn !== undefined));
        expect(isRegistered({ status, registeredOn, removalConfirmedOn })).toBe(expected);
      }),
    );
  });
});
