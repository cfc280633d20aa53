/**
 * allocate(): ours against dinero.js, each in its own process, alternated.
 * Both build their input from the same integer centavos inside the timed loop,
 * so neither keeps hundreds of thousands of objects alive (with 200k objects kept
 * alive V8 pretenures the allocation sites and either library looks several times
 * slower: the `--retained` rows show that effect; the first row is the fair one).
 * Run: npm run build && npx tsx bench/money.ts
 */
import { dinero, allocate as dineroAllocate, toSnapshot, type Dinero } from 'dinero.js';
import { BRL } from 'dinero.js/currencies';
import { built } from './harness/built.js';
import { compare } from './harness/compare.js';
import { contenderArgument, keep, sampleContender, type Contender } from './harness/sample.js';

const COUNT = 200_000;
const PARTS = 12;
const amounts = Array.from({ length: COUNT }, (_, i) => 100_00 + ((i * 7919) % 5_000_000));
const ratios = new Array<number>(PARTS).fill(1);
const CHECKED = 2_000;

async function contender(name: string, retained: boolean): Promise<Contender> {
  if (name === 'cobranca') {
    const { allocate, fromCents } = await built('root');
    const split = (cents: number): number[] => {
      const parts = allocate(fromCents(cents), PARTS, 'first');
      return parts.isOk() ? parts.value.map((m) => m.cents) : [];
    };
    const kept = retained ? amounts.map((c) => fromCents(c)) : [];
    return {
      check: () => amounts.slice(0, CHECKED).map((c) => split(c).join()).join(';'),
      operations: COUNT,
      run: retained
        ? () => {
            for (const total of kept) {
              const parts = allocate(total, PARTS, 'first');
              if (parts.isOk()) keep(parts.value.length);
            }
          }
        : () => {
            for (const cents of amounts) keep(split(cents).length);
          },
    };
  }
  const split = (d: Dinero<number>): number[] => dineroAllocate(d, ratios).map((p) => toSnapshot(p).amount);
  const kept = retained ? amounts.map((amount) => dinero({ amount, currency: BRL })) : [];
  return {
    check: () => amounts.slice(0, CHECKED).map((amount) => split(dinero({ amount, currency: BRL })).join()).join(';'),
    operations: COUNT,
    run: retained
      ? () => {
          for (const d of kept) keep(dineroAllocate(d, ratios).length);
        }
      : () => {
          for (const amount of amounts) keep(dineroAllocate(dinero({ amount, currency: BRL }), ratios).length);
        },
  };
}

const name = contenderArgument();
if (name !== undefined) {
  sampleContender(name, await contender(name, process.argv.includes('--retained')));
} else {
  compare({ work: 'allocate 12-way (input built per call; fair)', file: import.meta.filename, ours: 'cobranca', anchor: 'dinero.js' });
  compare({ work: 'allocate 12-way with 200k inputs kept alive (pretenuring; not fair to either)', file: import.meta.filename, ours: 'cobranca', anchor: 'dinero.js', args: ['--retained'], processes: 1 });
}
