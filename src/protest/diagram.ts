import { stateDiagram } from '../lifecycle/index.js';
import { PROTEST_STATUSES, PROTEST_STATUS_LABELS, isFinalProtestStatus } from './status.js';
import { PROTEST_TRANSITIONS, type ProtestRule } from './transition-table.js';

/**
 * The protest state diagram (Mermaid `stateDiagram-v2`) generated from the
 * same table the code runs. Rows with the same from, to and event are one
 * arrow listing their variants; guarded rows are marked `[guards …]`.
 * @example
 * ```ts
 * import { protestStateDiagram } from 'cobranca/protest';
 *
 * // A Mermaid state diagram of the protest lifecycle, for your docs.
 * console.log(protestStateDiagram().split('\n')[0]); // → stateDiagram-v2
 * ```
 */
export function protestStateDiagram(table: readonly ProtestRule[] = PROTEST_TRANSITIONS): string {
  return stateDiagram(PROTEST_STATUSES, PROTEST_STATUS_LABELS, isFinalProtestStatus, table);
}
