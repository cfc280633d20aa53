import type { GuardName } from './guard.js';
import { refusalKindOfGuard, type RefusalKind } from './healing.js';
import { GUARDS_BY_STAGE, type GuardStage } from './stages.js';

/** One guard as a host shows it (a settings screen, `cobranca negativation explain`): what it is named, the law behind it, when it runs, how its refusal heals. */
export interface GuardCatalogueEntry {
  /** The guard's stable name (what a violation's `guard` names). */
  readonly name: GuardName;
  /** The law, precedent or seed the rule comes from (the same text a violation carries). */
  readonly basis: string;
  /** The stages it runs at, in order: `request` (and its approval), then `submission` to the bureau. */
  readonly stages: readonly GuardStage[];
  /** How a refusal by this guard can come right (see {@link RefusalKind}). */
  readonly refusal: RefusalKind;
}

function catalogue(): readonly GuardCatalogueEntry[] {
  const entries = new Map<GuardName, { basis: string; stages: GuardStage[] }>();
  for (const stage of ['request', 'submission'] as const) {
    for (const guard of GUARDS_BY_STAGE[stage]) {
      const entry = entries.get(guard.name) ?? { basis: guard.basis, stages: [] };
      entry.stages.push(stage);
      entries.set(guard.name, entry);
    }
  }
  return Object.freeze([...entries].map(([name, { basis, stages }]) => Object.freeze({ name, basis, stages: Object.freeze(stages), refusal: refusalKindOfGuard(name) })));
}

/**
 * Every negativation guard in force, read-only: its name, legal basis
 * (CDC art. 43, STJ Súmulas 323 and 359, the seeds), the stages it runs at and
 * how its refusal heals. The same guards, in the same order, that
 * `checkNegativationGuards` and the app run.
 *
 * @example
 * for (const g of NEGATIVATION_GUARDS) console.log(g.name, g.stages.join('+'), g.basis);
 */
export const NEGATIVATION_GUARDS: readonly GuardCatalogueEntry[] = catalogue();
