import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readWallClock, zonedDateTime, todayIn } from '../../src/calendar/zoned.js';

// Instants around São Paulo's DST years and today, with repeats (the cache's hits) and several zones.
const instant = fc.oneof(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(Date.UTC(2018, 10, 4, 2, 59, 59, 999), Date.UTC(2018, 10, 4, 3), Date.UTC(2026, 10, 21, 2, 30)));
const zone = fc.constantFrom('America/Sao_Paulo', 'UTC', 'America/Manaus', 'Asia/Kolkata', 'America/Noronha');

describe('zonedDateTime one-entry cache', () => {
  it('answers what the uncached path answers for any sequence of instants and zones, repeated or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, zone, fc.boolean()), { minLength: 1, maxLength: 30 }), (reads) => {
        let previous: [number, string] | undefined;
        for (const [ms, timeZone, again] of reads) {
          // Half the reads repeat the previous one (a frozen clock read again): those are the cache's hits.
          const [at, tz] = again && previous ? previous : [ms, timeZone];
          const reading = zonedDateTime(new Date(at), tz);
          expect(reading).toEqual(readWallClock(at, tz));
          expect(todayIn(at, tz)).toBe(reading.date);
          previous = [at, tz];
        }
      }),
    );
  });

  it('hands out frozen readings, so a caller cannot change what a later read of the same instant gets', () => {
    const reading = zonedDateTime(Date.UTC(2026, 10, 21, 2, 30));
    expect(Object.isFrozen(reading)).toBe(true);
    expect(zonedDateTime(Date.UTC(2026, 10, 21, 2, 30))).toEqual({ date: '2026-11-20', minuteOfDay: 1410, weekday: 5 });
    // The same instant in another zone is not the cached entry.
    expect(zonedDateTime(Date.UTC(2026, 10, 21, 2, 30), 'UTC')).toEqual({ date: '2026-11-21', minuteOfDay: 150, weekday: 6 });
  });
});
