/**
 * The code a reader is shown: every fenced TypeScript block (```ts or
 * ```typescript) in README.md and docs/*.md, and every `@example` in the TSDoc
 * of `src/`. scripts/check-hosts.ts typechecks and runs each one as its own
 * program against the packed package, so a doc that lies fails the build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './support.js';

/** One snippet: a file-safe name saying where it comes from, and its code. */
export interface Snippet {
  readonly name: string;
  readonly source: string;
  readonly code: string;
}

const FENCE = /^```(ts|typescript)\s*$/;

/** The TypeScript fences in a Markdown text (or in a TSDoc block with its `*` stripped). */
function fencedBlocks(text: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (!FENCE.test(lines[index]?.trim() ?? '')) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end += 1;
    blocks.push({ line: start, code: lines.slice(start, end).join('\n') });
    index = end;
  }
  return blocks;
}

function safeName(path: string): string {
  return path.replace(/[^A-Za-z0-9]+/g, '-');
}

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Pages whose fenced TypeScript blocks are whole programs, checked by running
 * them. A page not listed here is reported by the check as not yet verified
 * (its blocks may be sketches); make its blocks runnable, then add it.
 */
export const VERIFIED_PAGES: readonly string[] = ['README.md', 'docs/adapters.md', 'docs/agreements.md', 'docs/collections.md', 'docs/negativation.md', 'docs/ruler.md'];

/** The Markdown pages with TypeScript blocks that are not in {@link VERIFIED_PAGES}. */
export function unverifiedPages(): string[] {
  return readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
    .filter((page) => !VERIFIED_PAGES.includes(page) && fencedBlocks(readFileSync(join(ROOT, page), 'utf8')).length > 0);
}

/** Fenced blocks of the {@link VERIFIED_PAGES}. */
export function markdownSnippets(): Snippet[] {
  const pages = VERIFIED_PAGES.map((page) => join(ROOT, page));
  return pages.flatMap((page) => {
    const source = relative(ROOT, page);
    return fencedBlocks(readFileSync(page, 'utf8')).map(({ line, code }) => ({ name: `${safeName(source)}-line${line + 1}`, source: `${source}:${line + 1}`, code }));
  });
}

/** `@example` blocks of the TSDoc in src/ (each holds a ```ts fence). */
export function tsdocSnippets(): Snippet[] {
  return files(join(ROOT, 'src'), (name) => name.endsWith('.ts')).flatMap((file) => {
    const source = relative(ROOT, file);
    const text = readFileSync(file, 'utf8');
    const snippets: Snippet[] = [];
    for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
      const body = comment[1] ?? '';
      if (!body.includes('@example')) continue;
      const line = text.slice(0, comment.index).split('\n').length;
      const stripped = body.split('\n').map((row) => row.replace(/^\s*\* ?/, '')).join('\n');
      for (const example of stripped.split('@example').slice(1)) {
        const section = example.split(/\n@\w+/)[0] ?? '';
        for (const block of fencedBlocks(section)) snippets.push({ name: `${safeName(source)}-line${line}-${snippets.length + 1}`, source: `${source}:${line}`, code: block.code });
      }
    }
    return snippets;
  });
}
