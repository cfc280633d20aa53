// A child process for the snapshot test: saves a growing store to the file given in argv over and over, until killed.
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { saveMemoryStore } from '../../src/adapters/memory/file.js';
import { civilDate } from '../../src/calendar/index.js';
import { fromCents } from '../../src/money/index.js';

const path = process.argv[2] as string;
const store = new MemoryStore();
await store.transaction(async (tx) => {
  for (let n = 0; n < 5_000; n++) {
    await tx.invoices.insert({ id: `i${String(n).padStart(6, '0')}`, version: 1, customerId: `c${n % 100}`, amount: fromCents(10_000 + n), dueDate: civilDate('2026-11-10'), status: 'open', paid: fromCents(0), description: 'x'.repeat(40) });
  }
});
process.send?.('ready');
for (let round = 1; ; round++) {
  await store.transaction(async (tx) => {
    const first = await tx.invoices.get('i000000');
    if (first) await tx.invoices.update({ ...first, version: first.version + 1, description: `round ${round}` });
  });
  await saveMemoryStore(store, path);
  process.send?.(`saved ${round}`);
}
