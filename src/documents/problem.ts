/** Why a CPF or CNPJ is invalid. */
export type DocumentProblemReason = 'characters' | 'length' | 'repeated_digits' | 'check_digits';

/** A reason with a human message and optional machine-readable details. */
export interface DocumentProblem {
  readonly reason: DocumentProblemReason;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Builds a {@link DocumentProblem}. */
export function documentProblem(reason: DocumentProblemReason, message: string, details?: Readonly<Record<string, unknown>>): DocumentProblem {
  return details ? { reason, message, details } : { reason, message };
}
