import { stateDiagram } from '../lifecycle/index.js';
import { NEGATIVATION_STATUSES, NEGATIVATION_STATUS_LABELS, isFinalStatus } from './status.js';
import { TRANSITIONS, type TransitionRule } from './transition-table.js';

/**
 * The state diagram (Mermaid `stateDiagram-v2`) generated from the same
 * transition table the code uses. Rows with the same from, to and event are
 * drawn as one arrow listing their variants; guarded rows are marked `[guards: …]`.
 * @example
 * ```ts
 * import { negativationStateDiagram } from 'cobranca/negativation';
 *
 * const mermaid = negativationStateDiagram(); // paste into a Markdown ```mermaid block
 * console.log(mermaid.split('\n')[0]);
 * // → stateDiagram-v2
 * ```
 */
export function negativationStateDiagram(table: readonly TransitionRule[] = TRANSITIONS): string {
  return stateDiagram(NEGATIVATION_STATUSES, NEGATIVATION_STATUS_LABELS, isFinalStatus, table);
}
