import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryEntryList } from '../../scripts/entries.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** One package entry (a key of package.json `exports`) and its runtime exports, imported from the source tsup builds it from. */
export interface PackageEntry {
  readonly subpath: string;
  readonly source: string;
  readonly exports: Readonly<Record<string, unknown>>;
}

/** Every entry of package.json `exports` (but `./package.json`), mapped to its source through scripts/entries.ts. */
export async function packageEntries(): Promise<PackageEntry[]> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string | { import?: { default?: string } }> };
  const sources = new Map<string, string>(libraryEntryList());
  const out: PackageEntry[] = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (subpath === './package.json') continue;
    const built = typeof target === 'string' ? target : target.import?.default;
    const name = built?.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
    const source = name === undefined ? undefined : sources.get(name);
    if (source === undefined) throw new Error(`package.json exports ${subpath} (${String(built)}), which scripts/entries.ts does not build`);
    out.push({ subpath, source, exports: (await import(join(ROOT, source))) as Record<string, unknown> });
  }
  return out;
}

/** Each exported function once (an entry may re-export another's), with every name and entry it is exported under. */
export async function exportedFunctions(): Promise<Map<unknown, { readonly names: Set<string>; readonly where: string[] }>> {
  const found = new Map<unknown, { names: Set<string>; where: string[] }>();
  for (const entry of await packageEntries()) {
    for (const [name, value] of Object.entries(entry.exports)) {
      if (typeof value !== 'function') continue;
      const known = found.get(value) ?? { names: new Set<string>(), where: [] };
      known.names.add(name);
      known.where.push(`${entry.subpath} ${name}`);
      found.set(value, known);
    }
  }
  return found;
}
