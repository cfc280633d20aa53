import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** Which top-level folders of src/ each folder may import from (ARCHITECTURE.md: data flows one way). */
const KERNEL = ['errors', 'money', 'calendar', 'documents', 'lifecycle'] as const;
const DOMAIN = ['agreements', 'negativation', 'ruler', 'portfolio', 'protest', 'bank-returns'] as const;
const ALLOWED: Record<string, readonly string[]> = {
  errors: [],
  money: ['errors'],
  calendar: ['errors', 'money'],
  documents: ['errors'],
  // Lifecycles several rooms share (negativation statuses, state diagrams): plain data, no other import.
  lifecycle: [],
  // Domain modules import the kernel only, never each other.
  agreements: KERNEL,
  negativation: KERNEL,
  ruler: KERNEL,
  portfolio: KERNEL,
  protest: KERNEL,
  'bank-returns': KERNEL,
  // The ports are interfaces made of kernel types, and of the domain's plain data they store (type-only imports, checked below).
  ports: [...KERNEL, ...DOMAIN],
  // ARCHITECTURE.md: adapters import the ports only (and the kernel types the ports are made of).
  adapters: [...KERNEL, 'ports'],
  app: [...KERNEL, ...DOMAIN, 'ports'],
  testing: [...KERNEL, ...DOMAIN, 'ports', 'adapters', 'app'],
  cli: [...KERNEL, ...DOMAIN, 'ports', 'adapters', 'app'],
  index: [...KERNEL, ...DOMAIN, 'ports', 'adapters', 'app', 'testing'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function topFolder(pathFromSrc: string): string {
  const first = pathFromSrc.split('/')[0] ?? '';
  return first.replace(/\.(ts|js)$/, '');
}

const IMPORT = /(?:^\s*(?:import|export)\s[^'"]*?from\s+|^\s*import\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/gm;

/** The source files `file` imports (type-only imports too: a cycle of types still tangles the declaration bundle). */
function importedFiles(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].flatMap((match) => {
    const target = match[1] ?? '';
    if (!target.startsWith('.')) return [];
    const base = join(dirname(file), target).replace(/\.js$/, '');
    return [`${base}.ts`, join(base, 'index.ts')].filter((candidate) => existsSync(candidate)).slice(0, 1);
  });
}

/** Every import cycle of the graph, each as the chain of files that closes it (depth-first search). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const visiting = new Set<string>();
  const done = new Set<string>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    visiting.add(file);
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (visiting.has(next)) cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    visiting.delete(file);
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file);
  return cycles;
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(SRC, f)]))('%s imports only what its layer may', (file) => {
    const own = topFolder(file);
    const allowed = ALLOWED[own];
    expect(allowed, `no rule for src/${own}`).toBeDefined();
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const target = match[1] ?? '';
      if (!target.startsWith('.')) continue;
      const resolved = relative(SRC, join(SRC, file, '..', target));
      const layer = topFolder(resolved);
      if (layer === own) continue;
      expect(allowed, `src/${file} imports ${target} (layer ${layer})`).toContain(layer);
      if (own === 'ports' && (DOMAIN as readonly string[]).includes(layer)) expect(match[0], `src/${file} imports ${target} for its types only`).toMatch(/^\s*(?:import|export) type\s/);
    }
  });

  it('has no import cycle in src/ (not even through types)', () => {
    const graph = new Map(files.map((file) => [file, importedFiles(file)]));
    const cycles = importCycles(graph).map((cycle) => cycle.map((file) => relative(SRC, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('the cycle check finds a cycle when there is one', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(importCycles(new Map([['a', ['b']], ['b', []], ['c', ['a', 'b']]]))).toEqual([]);
  });
});
