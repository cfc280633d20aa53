import type { Ruler } from './define-ruler.js';
import type { ResolvedSettings } from './settings.js';

/**
 * X of seed 004: the days overdue after which a customer is classified for
 * collection, from the ruler's "forward to the collections system" event (the
 * setting `daysToForwardToCollections` wins when set). `undefined` when the
 * ruler has no forward step, which seed 004 lists as a prerequisite.
 * @example
 * ```ts
 * import { defineRuler, forwardAfterDaysOf } from 'cobranca/ruler';
 *
 * const ruler = defineRuler({ id: 'padrao', steps: [
 *   { id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } },
 *   { id: 'encaminhar', offsetDays: 10, action: { kind: 'forward_to_collections' } },
 * ] });
 * if (ruler.isOk()) console.log(forwardAfterDaysOf(ruler.value)); // seed 004 classifies the customer after 10 days overdue
 * // → 10
 * ```
 */
export function forwardAfterDaysOf(ruler: Ruler, settings?: ResolvedSettings): number | undefined {
  const forward = ruler.steps.filter((step) => step.action.kind === 'forward_to_collections');
  if (forward.length === 0) return undefined;
  return settings?.values.daysToForwardToCollections ?? Math.min(...forward.map((step) => step.offsetDays));
}
