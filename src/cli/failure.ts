import { formatPath, type CobrancaError } from 'cobranca';

/** Why a command failed: one line for the user, naming the field and, for a file, its line. */
export interface CliFailure {
  readonly message: string;
  /** The file at fault, as the user named it. */
  readonly file?: string;
  /** The 1-based line in `file` of the field at fault. */
  readonly line?: number;
  /** The process exit code (1 for bad input, 2 for a failed run). */
  readonly exitCode: number;
}

/** A failure from a library error: its code, path and message; `lineOf` finds the line of the path in the input file. */
export function failureOf(error: CobrancaError, source?: { readonly file: string; readonly lineOf: (path: readonly (string | number)[]) => number | undefined }): CliFailure {
  const path = error.path ?? [];
  const where = path.length > 0 && !error.message.startsWith(formatPath(path)) ? `${formatPath(path)}: ` : '';
  const line = source ? source.lineOf(path) : undefined;
  return { message: `${where}${error.message} (${error.code})`, exitCode: 1, ...(source ? { file: source.file } : {}), ...(line !== undefined ? { line } : {}) };
}

/** A failure with a plain message. */
export function failure(message: string, exitCode = 1): CliFailure {
  return { message, exitCode };
}

/** The one line printed for a failure: `cobranca: FILE:LINE: message`. */
export function formatFailure(f: CliFailure): string {
  const where = f.file !== undefined ? `${f.file}${f.line !== undefined ? `:${f.line}` : ''}: ` : '';
  return `cobranca: ${where}${f.message.replace(/\s*\n\s*/g, ' ')}`;
}

/** A failure of a value given on the command line, named by its flag (`--due: …`). */
export function flagFailure(flag: string, error: CobrancaError): CliFailure {
  return { message: `${flag}: ${error.message.replace(/^[\w.[\]]+: /, '')} (${error.code})`, exitCode: 1 };
}
