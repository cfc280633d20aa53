/**
 * The code a reader is shown: every fenced TypeScript block (```ts or
 * ```typescript) in README.md and the {@link VERIFIED_PAGES} of docs/, and every
 * `@example` in the TSDoc of `src/` (its ```ts fences). scripts/check-hosts.ts
 * typechecks and runs them against the packed package (scripts/snippet-programs.ts
 * gathers them into one program per source file, each snippet in its own
 * function scope), so a doc that lies fails the build:
 *
 * - a snippet fails when it does not typecheck (strict, `skipLibCheck: false`),
 *   throws, rejects, exits non-zero or writes to stderr;
 * - a line's `// → text` comment is what the snippet prints there: when a snippet
 *   has any, what it prints (one line per `// →`, in order) must equal them;
 * - a fence opened with ```ts no-run is typechecked but not run (for a snippet
 *   that needs a server, a database or a real bureau).
 *
 * Failures name the snippet's file and line (`src/money/money.ts:57`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './support.js';

/** One snippet: where it comes from and its code. */
export interface Snippet {
  /** A file-safe name saying where it comes from. */
  readonly name: string;
  /** `file:line` of its first line of code. */
  readonly source: string;
  /** The file it is in, relative to the repository root. */
  readonly file: string;
  /** The line (1-based) of its first line of code in {@link Snippet.file}. */
  readonly line: number;
  readonly code: string;
  /** False for a ```ts no-run fence: typechecked only. */
  readonly run: boolean;
}

const FENCE = /^```(ts|typescript)(\s+no-run)?\s*$/;

/** The TypeScript fences in a Markdown text (or in a TSDoc block with its `*` stripped); `line` is the 0-based index of the first line of code. */
function fencedBlocks(text: string): { line: number; code: string; run: boolean }[] {
  const blocks: { line: number; code: string; run: boolean }[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const fence = FENCE.exec(lines[index]?.trim() ?? '');
    if (!fence) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end += 1;
    blocks.push({ line: start, code: lines.slice(start, end).join('\n'), run: fence[2] === undefined });
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
export const VERIFIED_PAGES: readonly string[] = ['README.md', 'docs/adapters.md', 'docs/agreements.md', 'docs/bank-returns.md', 'docs/bureau-http.md', 'docs/collections.md', 'docs/negativation.md', 'docs/protest.md', 'docs/ruler.md', 'docs/scaling.md'];

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
    return fencedBlocks(readFileSync(page, 'utf8')).map(({ line, code, run }) => ({ name: `${safeName(source)}-line${line + 1}`, source: `${source}:${line + 1}`, file: source, line: line + 1, code, run }));
  });
}

/** `@example` blocks of the TSDoc in src/ (their ```ts fences). */
export function tsdocSnippets(): Snippet[] {
  return files(join(ROOT, 'src'), (name) => name.endsWith('.ts')).flatMap((path) => tsdocSnippetsOf(relative(ROOT, path), readFileSync(path, 'utf8')));
}

/** The `@example` fences of one source text; `file` names it in the snippets' sources. */
export function tsdocSnippetsOf(file: string, text: string): Snippet[] {
  const snippets: Snippet[] = [];
  for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = comment[1] ?? '';
    if (!body.includes('@example')) continue;
    // Line (1-based) of the comment's first line; the body's row i is on line first + i.
    const first = text.slice(0, comment.index).split('\n').length;
    const rows = body.split('\n').map((row) => row.replace(/^\s*\* ?/, ''));
    // Keep only the rows of @example sections (others blanked, so row indexes stay line offsets).
    let inExample = false;
    const kept = rows.map((row) => {
      const tag = /^@(\w+)/.exec(row.trim());
      if (tag) inExample = tag[1] === 'example';
      return inExample && !tag ? row : '';
    });
    for (const block of fencedBlocks(kept.join('\n'))) {
      const line = first + block.line;
      snippets.push({ name: `${safeName(file)}-line${line}`, source: `${file}:${line}`, file, line, code: block.code, run: block.run });
    }
  }
  return snippets;
}
