import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import type { CollectionsError } from '../errors.js';
import { parseInput, withPathPrefix } from '../../errors.js';
import { protestSettingsSchema, type ProtestSettings } from '../../protest/index.js';

/** Protest options as the host writes them: a notary and settings, general and per branch. */
export const protestPolicySchema = z
  .object({
    /** The notary's office titles go to; by default the protest office of the debtor's town (Lei 9.492/1997 art. 6: the place of payment). */
    notary: z.string().trim().min(1).optional(),
    general: z.unknown().optional(),
    branches: z.record(z.string(), z.object({ notary: z.string().trim().min(1).optional(), settings: z.unknown().optional() }).strict()).default({}),
  })
  .strict()
  .default({ branches: {} });

/** The resolved protest policy of one branch. */
export interface ProtestPolicy {
  readonly settings: ProtestSettings;
  /** The notary for a debtor in `city`/`state` (the branch's, the general one, or the town's protest office). */
  notaryFor(city: string | undefined, state: string | undefined): string;
}

/** Resolves the protest policy once: a bad setting is reported when wiring, with its path. */
export function resolveProtestPolicy(input: z.output<typeof protestPolicySchema>): Result<(branch?: string) => ProtestPolicy, CollectionsError> {
  const general = parseInput(protestSettingsSchema, input.general ?? {});
  if (general.isErr()) return err(withPathPrefix(general.error, ['protestSettings', 'general']));
  const policyOf = (settings: ProtestSettings, notary: string | undefined): ProtestPolicy => ({
    settings,
    notaryFor: (city, state) => notary ?? input.notary ?? `Tabelionato de Protesto de ${city ?? '?'}${state ? `/${state}` : ''}`,
  });
  const byBranch = new Map<string, ProtestPolicy>();
  for (const [branch, level] of Object.entries(input.branches)) {
    const merged = parseInput(protestSettingsSchema, { ...(input.general as object | undefined), ...(level.settings as object | undefined) });
    if (merged.isErr()) return err(withPathPrefix(merged.error, ['protestSettings', 'branches', branch, 'settings']));
    byBranch.set(branch, policyOf(merged.value, level.notary));
  }
  const fallback = policyOf(general.value, undefined);
  return ok((branch) => (branch !== undefined ? byBranch.get(branch) : undefined) ?? fallback);
}
