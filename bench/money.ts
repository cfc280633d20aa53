/**
 * allocate(): ours against dinero.js, same inputs, same run.
 * Run: npx tsx bench/money.ts
 */
import { dinero, allocate as dineroAllocate, toSnapshot } from 'dinero.js';
import { BRL } from 'dinero.js/currencies';
import { allocate, fromCents } from '../src/money/index.js';
import { measure, printTable } from './support.js';

const COUNT = 200_000;
const PARTS = 12;
const amounts = Array.from({ length: COUNT }, (_, i) => 100_00 + ((i * 7919) % 5_000_000));
const ours = amounts.map((c) => fromCents(c));
const theirs = amounts.map((amount) => dinero({ amount, currency: BRL }));
const ratios = new Array<number>(PARTS).fill(1);

// Same results first: every split identical under the `first` policy.
for (let i = 0; i < 2_000; i++) {
  const a = allocate(fromCents(amounts[i] ?? 0), PARTS, 'first')._unsafeUnwrap().map((m) => m.cents).join();
  const b = dineroAllocate(dinero({ amount: amounts[i] ?? 0, currency: BRL }), ratios).map((d) => toSnapshot(d).amount).join();
  if (a !== b) throw new Error(`results differ for ${amounts[i]}: ${a} vs ${b}`);
}

let sink = 0;
const oursRate = measure('cobranca allocate(total, 12)', COUNT, () => {
  for (const total of ours) sink += allocate(total, PARTS, 'first')._unsafeUnwrap().length;
});
const oursRatios = measure('cobranca allocate(total, [1 × 12])', COUNT, () => {
  for (const total of ours) sink += allocate(total, ratios, 'first')._unsafeUnwrap().length;
});
const dineroRate = measure('dinero.js allocate(d, [1 × 12])', COUNT, () => {
  for (const d of theirs) sink += dineroAllocate(d, ratios).length;
});
printTable([oursRate, oursRatios, dineroRate]);
console.log(`ratio (ours, count form / dinero.js): ${(oursRate.perSecond / dineroRate.perSecond).toFixed(1)}×`);
console.log(`ratio (ours, ratio form / dinero.js): ${(oursRatios.perSecond / dineroRate.perSecond).toFixed(1)}×`);
if (sink === 0) console.log('');
