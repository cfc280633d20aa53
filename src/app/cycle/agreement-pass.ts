import type { CivilDate } from '../../calendar/index.js';
import type { AppContext } from '../dependencies.js';
import { refreshAgreement } from '../agreements/refresh-agreement.js';
import { CYCLE_ACTOR } from './apply-action.js';
import { pagesOf } from './paging.js';

/** What the agreement pass changed. */
export interface AgreementPassReport {
  readonly fulfilled: readonly string[];
  readonly broken: readonly string[];
}

/** Re-reads every active agreement (docs/legal.md §2.4): fulfilled when paid, broken when an installment is unpaid after the tolerance date. */
export async function agreementPass(context: AppContext, today: CivilDate): Promise<AgreementPassReport> {
  const fulfilled: string[] = [];
  const broken: string[] = [];
  for await (const page of pagesOf(context, (tx) => tx.agreements, 500)) {
    await context.store.transaction(async (tx) => {
      for (const stale of page) {
        const record = await tx.agreements.get(stale.id);
        if (!record || record.status !== 'active') continue;
        const next = await refreshAgreement(tx, context, record, today, CYCLE_ACTOR);
        if (next.status === 'fulfilled') fulfilled.push(next.id);
        if (next.status === 'broken') broken.push(next.id);
      }
    });
  }
  return { fulfilled, broken };
}
