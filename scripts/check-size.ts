/**
 * Bundle budgets: what a host's bundle weighs when it imports a part of the
 * package, measured with esbuild (bundled with the dependencies, minified, not
 * compressed). Fails when a measurement passes its budget.
 *
 * Run after `npm run build`: `npx tsx scripts/check-size.ts`.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { NODE_ONLY_ENTRIES, ROOT, RUNTIME_BUILTINS, manifest, publicEntries } from './support.js';

const KB = 1024;

/** A host importing a few names, or a whole entry (`names` omitted). */
interface Measurement {
  readonly label: string;
  readonly entry: string;
  readonly names?: readonly string[];
  readonly budget: number;
}

/** What a host importing only one kernel module pays. */
const KERNEL: readonly Measurement[] = [
  { label: 'money kernel: brl, allocate, formatBrl from cobranca/money', entry: 'cobranca/money', names: ['brl', 'allocate', 'formatBrl'], budget: 60 * KB },
  { label: 'calendar: brazilianCalendar, civilDate, addDays from cobranca/calendar', entry: 'cobranca/calendar', names: ['brazilianCalendar', 'civilDate', 'addDays'], budget: 100 * KB },
  { label: 'documents: parseCpf, parseCnpj, parseTaxId from cobranca/documents', entry: 'cobranca/documents', names: ['parseCpf', 'parseCnpj', 'parseTaxId'], budget: 100 * KB },
  { label: 'money from the root: brl, allocate, formatBrl from cobranca', entry: 'cobranca', names: ['brl', 'allocate', 'formatBrl'], budget: 250 * KB },
];

/**
 * Budgets for whole entries, about 30% above their size when set: they catch a
 * regression (a dependency pulled in whole), not ordinary growth. An entry not
 * listed gets {@link DEFAULT_ENTRY_BUDGET}.
 */
const ENTRY_BUDGETS: Readonly<Record<string, number>> = {
  // Raised from 400 KB on 2026-12-02 at 406 KB: the application grew by features (command schemas,
  // disputes, owedNow, the system ports, the guard catalogue), not by a dependency pulled in whole
  // (esbuild metafile: createCollections' own code, zod 98 KB, decimal.js 31.5 KB).
  cobranca: 480 * KB,
  'cobranca/money': 140 * KB,
  'cobranca/calendar': 110 * KB,
  'cobranca/documents': 100 * KB,
  'cobranca/agreements': 260 * KB,
  'cobranca/negativation': 270 * KB,
  'cobranca/ruler': 250 * KB,
  'cobranca/portfolio': 210 * KB,
  'cobranca/testing': 100 * KB,
  'cobranca/commands': 230 * KB,
  'cobranca/adapters/memory': 140 * KB,
  'cobranca/adapters/memory/file': 140 * KB,
};
const DEFAULT_ENTRY_BUDGET = 1024 * KB;

/** The ESM file an import specifier resolves to, read from package.json `exports`. */
function distFile(entry: string): string {
  const key = entry === manifest.name ? '.' : `./${entry.slice(manifest.name.length + 1)}`;
  const target = (manifest.exports[key] as { import: { default: string } }).import.default;
  return join(ROOT, target);
}

function minifiedSize(measurement: Measurement): number {
  const file = JSON.stringify(distFile(measurement.entry));
  const contents = measurement.names
    ? `import { ${measurement.names.join(', ')} } from ${file};\nconsole.log(${measurement.names.join(', ')});`
    : `import * as entry from ${file};\nconsole.log(entry);`;
  const nodeOnly = NODE_ONLY_ENTRIES.includes(measurement.entry);
  const result = buildSync({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: nodeOnly ? 'node' : 'browser',
    external: [...RUNTIME_BUILTINS],
    logLevel: 'error',
  });
  return result.outputFiles.reduce((total, output) => total + output.contents.length, 0);
}

const measurements: Measurement[] = [
  ...KERNEL,
  ...publicEntries().map((entry) => ({ label: `${entry} (whole entry)`, entry, budget: ENTRY_BUDGETS[entry] ?? DEFAULT_ENTRY_BUDGET })),
];
let over = 0;
console.log('bundle budgets (esbuild, minified, dependencies included):');
for (const measurement of measurements) {
  const size = minifiedSize(measurement);
  const ok = size <= measurement.budget;
  if (!ok) over += 1;
  console.log(`  ${ok ? 'ok  ' : 'OVER'} ${(size / KB).toFixed(1).padStart(7)} KB / ${(measurement.budget / KB).toFixed(0).padStart(5)} KB  ${measurement.label}`);
}
if (over > 0) {
  console.error(`${over} bundle(s) over budget`);
  process.exit(1);
}
