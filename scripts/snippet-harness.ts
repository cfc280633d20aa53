/**
 * Runs documentation snippets one after another in one Node process (copied
 * into a host as `snippets/harness.ts` by scripts/snippet-programs.ts; imports
 * only Node built-ins). Each snippet's output is captured: it fails when it
 * throws or rejects, calls `process.exit` with a non-zero code, sets
 * `process.exitCode`, writes to stderr, or prints something else than its
 * `// →` comments say. Progress (`ok <file:line>`) goes to stdout, failures to
 * stderr, each naming the snippet's file and line.
 */
import { format } from 'node:util';

/** A snippet as a generated program hands it over. */
export interface SnippetRun {
  /** `file:line` of its first line of code. */
  readonly source: string;
  /** False for a ```ts no-run fence: typechecked, not run. */
  readonly run: boolean;
  /** Its `// →` comments, in order, with the `file:line` each is on. */
  readonly expected: readonly { readonly origin: string; readonly text: string }[];
  readonly code: () => Promise<void>;
}

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

const writeOut = process.stdout.write.bind(process.stdout);
const writeErr = process.stderr.write.bind(process.stderr);
const exit = process.exit.bind(process);
const failures: string[] = [];
let ran = 0;
let typecheckedOnly = 0;
let current: { stdout: string; stderr: string; errors: string[] } | undefined;

const describeError = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : format(error));
process.on('unhandledRejection', (reason) => current?.errors.push(`unhandled rejection: ${describeError(reason)}`));
process.on('uncaughtException', (error) => current?.errors.push(`uncaught exception: ${describeError(error)}`));

function capture(into: 'stdout' | 'stderr') {
  return (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    if (current) current[into] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  };
}

/** Where the printed lines and the `// →` comments first differ, or undefined when they agree. */
function outputMismatch(snippet: SnippetRun, stdout: string): string | undefined {
  if (snippet.expected.length === 0) return undefined;
  const printed = stdout.split('\n').map((row) => row.trimEnd());
  if (printed.at(-1) === '') printed.pop();
  const length = Math.max(printed.length, snippet.expected.length);
  for (let index = 0; index < length; index += 1) {
    const expected = snippet.expected[index];
    const got = printed[index];
    if (expected?.text === got) continue;
    if (!expected) return `it printed more lines than its // → comments say; the first extra one: ${JSON.stringify(got)}`;
    if (got === undefined) return `${expected.origin}: the comment says // → ${expected.text}, but nothing more was printed`;
    return `${expected.origin}: the comment says // → ${expected.text}\n  but it printed        ${got}`;
  }
  return undefined;
}

/** Runs the snippets of one program in order, recording each failure with its source. */
export async function runSnippets(snippets: readonly SnippetRun[]): Promise<void> {
  for (const snippet of snippets) {
    if (!snippet.run) {
      typecheckedOnly += 1;
      continue;
    }
    ran += 1;
    current = { stdout: '', stderr: '', errors: [] };
    process.stdout.write = capture('stdout') as typeof process.stdout.write;
    process.stderr.write = capture('stderr') as typeof process.stderr.write;
    process.exit = ((code?: number | string | null) => {
      throw new ExitCalled(Number(code ?? process.exitCode ?? 0));
    }) as typeof process.exit;
    process.exitCode = undefined;
    try {
      await snippet.code();
    } catch (error) {
      if (!(error instanceof ExitCalled && error.code === 0)) current.errors.push(error instanceof ExitCalled ? error.message : `threw ${describeError(error)}`);
    }
    // Let callbacks the snippet scheduled (a rejected promise nobody awaited) report before it is judged.
    await new Promise((resolve) => setImmediate(resolve));
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exit = exit;
    const { stdout, stderr, errors } = current;
    current = undefined;
    if (process.exitCode !== undefined && process.exitCode !== 0) errors.push(`set process.exitCode to ${String(process.exitCode)}`);
    process.exitCode = undefined;
    if (stderr.trim() !== '') errors.push(`wrote to stderr:\n${stderr.trimEnd()}`);
    const mismatch = outputMismatch(snippet, stdout);
    if (mismatch) errors.push(mismatch);
    if (errors.length === 0) writeOut(`ok ${snippet.source}\n`);
    else failures.push(`the snippet at ${snippet.source} failed:\n  ${errors.join('\n  ')}${stdout ? `\n  it printed:\n    ${stdout.trimEnd().split('\n').join('\n    ')}` : ''}`);
  }
}

/** Prints the failures (or the count) and exits: non-zero when a snippet failed. */
export function finishSnippets(): never {
  if (failures.length > 0) {
    writeErr(`${failures.join('\n')}\n${failures.length} of ${ran} snippets failed\n`);
    return exit(1);
  }
  writeOut(`${ran} snippets ran, ${typecheckedOnly} typechecked only\n`);
  return exit(0);
}
