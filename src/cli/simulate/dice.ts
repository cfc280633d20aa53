import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/** Seeded dice (pure-rand's xoroshiro128+): the same seed draws the same portfolio and the same behaviour. */
export interface Dice {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `percent` / 100. */
  chance(percent: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

/** Dice from a seed. */
export function dice(seed: number): Dice {
  const generator = xoroshiro128plus(seed);
  const int = (min: number, max: number): number => uniformInt(generator, min, max);
  return {
    int,
    chance: (percent) => int(0, 9_999) < percent * 100,
    pick: <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T,
  };
}
