import { readFileSync } from 'node:fs';
import { err, ok, type Result } from 'neverthrow';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { CliFailure } from './failure.js';

/** A JSON document read from a file, with the line of any path in it. */
export interface JsonInput {
  readonly file: string;
  readonly value: unknown;
  /** The 1-based line of the value at `path` (or of its nearest existing parent). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Reads and parses a JSON file; a missing file or bad JSON is one failure naming the line. */
export function readJsonFile(file: string): Result<JsonInput, CliFailure> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return err({ file, message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, exitCode: 1 });
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first || tree === undefined) return err({ file, line: first ? lineAt(text, first.offset) : 1, message: `not valid JSON (${first ? printParseErrorCode(first.error) : 'empty'})`, exitCode: 1 });
  return ok({
    file,
    value: JSON.parse(text) as unknown,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node: Node | undefined = findNodeAtLocation(tree, [...path.slice(0, n)]);
        if (node) return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return undefined;
    },
  });
}
