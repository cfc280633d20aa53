import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, parseInput, type InputOf } from '../errors.js';
import { actionChannel, isSettlementAction } from './action.js';
import type { RulerError } from './errors.js';
import { checkSmsText } from './sms.js';
import { rulerStepSchema, type RulerStep } from './step.js';
import { freezePlainData } from './freeze.js';

/**
 * The policy a ruler is checked against. By default a negativation step needs a
 * notice step (any notify channel) at least 10 days before it: CDC art. 43 §2
 * asks for prior written notice, and bureaus wait 10 calendar days after it.
 * The bureau's own notice is still checked by the negativation module's guards.
 */
export const rulerPolicySchema = z.strictObject({
  requireNoticeBeforeNegativation: z.boolean().default(true),
  noticeLeadDays: z.number().int().min(0).max(365).default(10),
});

/** A ruler as written by a host. */
export const rulerSpecSchema = z.strictObject({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().max(200).optional(),
  steps: z.array(rulerStepSchema).min(1).max(200),
  policy: rulerPolicySchema.default({ requireNoticeBeforeNegativation: true, noticeLeadDays: 10 }),
});

/** The input of {@link defineRuler}. */
export type RulerSpec = InputOf<typeof rulerSpecSchema>;

declare const rulerBrand: unique symbol;

/** A checked ruler (only {@link defineRuler} makes one); steps are sorted by offset. */
export type Ruler = z.output<typeof rulerSpecSchema> & { readonly [rulerBrand]: true };

/**
 * Parses and checks a dunning ruler (régua de cobrança, docs/legal.md §4, seeds 002 and 004).
 * Contradictions are errors with the step's path: duplicate ids
 * (`duplicate_step_id`), two steps of the same channel on the same day
 * (`conflicting_steps`), a negativation without a notice step early enough
 * (`negativation_without_notice`), an SMS text over its limit (`sms_too_long`).
 * @example
 * ```ts
 * import { defineRuler } from 'cobranca/ruler';
 *
 * const ruler = defineRuler({
 *   id: 'padrao',
 *   steps: [
 *     { id: 'lembrete', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
 *     { id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'atraso', text: 'ACME: sua fatura venceu. Pague pelo PIX.' } },
 *     { id: 'aviso', offsetDays: 5, action: { kind: 'notify', channel: 'letter', template: 'aviso-negativacao' } },
 *     { id: 'negativar', offsetDays: 15, action: { kind: 'negativate' } },
 *   ],
 * });
 * ruler.match(
 *   (defined) => console.log(defined.steps.map((step) => `${step.offsetDays}:${step.id}`).join(' ')),
 *   (error) => console.log(error.code, error.path?.join('.'), error.message),
 * );
 * // → -3:lembrete 1:atraso 5:aviso 15:negativar
 * ```
 */
export function defineRuler(spec: RulerSpec): Result<Ruler, RulerError> {
  const parsed = parseInput(rulerSpecSchema, spec);
  if (parsed.isErr()) return err(parsed.error);
  const ruler = parsed.value;
  const problem = findContradiction(ruler.steps, ruler.policy);
  if (problem) return err(problem);
  const sorted = ruler.steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.offsetDays - b.step.offsetDays || a.index - b.index);
  const defined = { ...ruler, steps: sorted.map((s) => s.step) } as Ruler;
  defined_.add(freezePlainData(defined));
  return ok(defined);
}

const defined_ = new WeakSet<object>();

/**
 * Whether a value is a ruler made by {@link defineRuler} (so it need not be checked again; it is frozen, so what is planned from it is cached by identity).
 * @example
 * ```ts
 * import { defineRuler, isRuler } from 'cobranca/ruler';
 *
 * const spec = { id: 'curta', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] } as const;
 * const ruler = defineRuler(spec);
 * console.log(isRuler(spec), ruler.isOk() && isRuler(ruler.value)); // a defined ruler is not checked again
 * // → false true
 * ```
 */
export function isRuler(value: unknown): value is Ruler {
  return typeof value === 'object' && value !== null && defined_.has(value);
}

function findContradiction(steps: readonly RulerStep[], policy: z.output<typeof rulerPolicySchema>): RulerError | undefined {
  const ids = new Map<string, number>();
  const slots = new Map<string, number>();
  for (const [index, step] of steps.entries()) {
    const path = ['steps', index];
    const previous = ids.get(step.id);
    if (previous !== undefined) {
      return cobrancaError('duplicate_step_id', `step id '${step.id}' is already used by steps[${previous}]`, { path: [...path, 'id'], details: { stepId: step.id, first: previous } });
    }
    ids.set(step.id, index);
    const slot = `${isSettlementAction(step.action.kind) ? 'settled' : 'open'}|${step.offsetDays}|${actionChannel(step.action, 'default')}`;
    const clash = slots.get(slot);
    if (clash !== undefined) {
      return cobrancaError('conflicting_steps', `steps[${clash}] already does '${actionChannel(step.action, 'default')}' on day ${step.offsetDays}`, {
        path,
        details: { stepId: step.id, conflictsWith: steps[clash]?.id },
      });
    }
    slots.set(slot, index);
    if (step.action.kind === 'notify' && step.action.channel === 'sms' && step.action.text !== undefined) {
      const sms = checkSmsText(step.action.text, [...path, 'action', 'text']);
      if (sms.isErr()) return sms.error;
    }
  }
  if (!policy.requireNoticeBeforeNegativation) return undefined;
  for (const [index, step] of steps.entries()) {
    if (step.action.kind !== 'negativate') continue;
    const latestNotice = step.offsetDays - policy.noticeLeadDays;
    const noticed = steps.some((other) => other.action.kind === 'notify' && other.offsetDays <= latestNotice && !other.conditions);
    if (!noticed) {
      return cobrancaError(
        'negativation_without_notice',
        `negativation on day ${step.offsetDays} needs an unconditional notify step on day ${latestNotice} or earlier (policy noticeLeadDays = ${policy.noticeLeadDays})`,
        { path: ['steps', index], details: { stepId: step.id, latestNoticeDay: latestNotice } },
      );
    }
  }
  return undefined;
}
