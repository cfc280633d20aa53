import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Entries that must run on any JS runtime (edge workers, browsers): no Node built-in may be reachable from them. */
const PORTABLE_ENTRIES = ['index.ts', 'money/index.ts', 'calendar/index.ts', 'documents/index.ts', 'agreements/index.ts', 'negativation/index.ts', 'ruler/index.ts', 'portfolio/index.ts', 'protest/index.ts', 'bank-returns/index.ts', 'app/command-schemas.ts', 'adapters/memory/index.ts'];

/** Value imports (`import type` is erased, so it costs nothing at run time). */
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Every Node built-in a source file reaches through value imports, with the chain that brings it in. */
function nodeBuiltinsReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      const target = match[1] ?? match[2] ?? '';
      if (target.startsWith('node:')) found.push(`${[...chain, file.slice(SRC.length + 1)].join(' → ')} → ${target}`);
      if (!target.startsWith('.')) continue;
      const next = resolve(dirname(file), target.replace(/\.js$/, '.ts'));
      if (existsSync(next)) visit(next, [...chain, file.slice(SRC.length + 1)]);
    }
  };
  visit(join(SRC, entry), []);
  return found;
}

describe('portable entries', () => {
  it.each(PORTABLE_ENTRIES)('src/%s reaches no Node built-in (runs on edge runtimes)', (entry) => {
    expect(nodeBuiltinsReachedFrom(entry)).toEqual([]);
  });
});
