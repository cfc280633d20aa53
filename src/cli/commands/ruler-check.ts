import { err, ok, type Result } from 'neverthrow';
import { CUSTOMER_KINDS, evaluateRuler, type CustomerKind, type DueAction, type RulerInvoice } from 'cobranca/ruler';
import { addDays, parseCivilDate, parseMoney, type CivilDate } from 'cobranca';
import { failure, flagFailure, type CliFailure } from '../failure.js';
import { readConfigurationFile } from '../config-file.js';
import { table, toJson, type Io } from '../output.js';

/** Flags of `cobranca ruler check FILE`. */
export interface RulerCheckFlags {
  readonly due?: string;
  readonly on?: string;
  readonly amount: string;
  readonly branch?: string;
  readonly contract?: string;
  readonly kind: string;
  readonly json?: boolean;
}

/** One day of the sample's timeline: what fired, each action once. */
interface FiredOn {
  readonly day: CivilDate;
  readonly actions: readonly DueAction[];
}

/**
 * `cobranca ruler check FILE`: checks rulers and settings as `createCollections`
 * would, and with `--due` and `--on` plays one sample invoice day by day (a
 * daily run at 10:00, what was done logged) to show what fires and when.
 */
export function rulerCheckCommand(file: string, flags: RulerCheckFlags, io: Io): Result<void, CliFailure> {
  const checked = readConfigurationFile(file);
  if (checked.isErr()) return err(checked.error);
  const { configuration } = checked.value;
  const subject = { ...(flags.branch !== undefined ? { branch: flags.branch } : {}), ...(flags.contract !== undefined ? { contract: flags.contract } : {}) };
  const settings = configuration.settingsFor(subject);
  const summary = { file, rulers: [...configuration.rulers.keys()], subject, ruler: settings.ruler.id, bureau: settings.bureau };
  if (flags.due === undefined) {
    if (flags.json === true) io.out(toJson({ ok: true, ...summary }));
    else io.out(`${file}: ok — ${summary.rulers.length} ruler(s) (${summary.rulers.join(', ')}); ${describe(subject)} uses ruler '${settings.ruler.id}' and bureau '${settings.bureau}'`);
    return ok(undefined);
  }
  const due = parseCivilDate(flags.due);
  if (due.isErr()) return err(flagFailure('--due', due.error));
  const on = parseCivilDate(flags.on ?? flags.due);
  if (on.isErr()) return err(flagFailure('--on', on.error));
  const amount = parseMoney(flags.amount);
  if (amount.isErr()) return err(flagFailure('--amount', amount.error));
  const kind = CUSTOMER_KINDS.find((candidate: CustomerKind) => candidate === flags.kind);
  if (kind === undefined) return err(failure(`--kind: expected ${CUSTOMER_KINDS.map((k) => `'${k}'`).join(' or ')}, got '${flags.kind}' (invalid_input)`));
  const invoice: RulerInvoice = { id: 'amostra', customerId: 'cliente', dueDate: due.value, amount: flags.amount, customerKind: kind, ...(flags.branch !== undefined ? { branch: flags.branch } : {}) };
  const timeline: FiredOn[] = [];
  const done = new Set<string>();
  for (let day = addDays(due.value, -30); day <= on.value; day = addDays(day, 1)) {
    const evaluation = evaluateRuler({ ruler: settings.ruler, settings: settings.rulerSettings, invoices: [invoice], done, asOf: `${day}T10:00:00-03:00` });
    if (evaluation.isErr()) return err(flagFailure('--kind', evaluation.error));
    for (const a of evaluation.value.due) done.add(a.key);
    for (const s of evaluation.value.skipped) done.add(s.key);
    if (evaluation.value.due.length > 0) timeline.push({ day, actions: evaluation.value.due });
  }
  const firedOn = timeline.find((t) => t.day === on.value)?.actions ?? [];
  if (flags.json === true) {
    io.out(toJson({ ok: true, ...summary, sample: { invoice, on: on.value, timeline, firesOn: firedOn } }));
    return ok(undefined);
  }
  io.out(`${file}: ok — ${describe(subject)} uses ruler '${settings.ruler.id}'; a ${flags.kind}'s invoice of ${flags.amount} due ${due.value}:`);
  io.out(table(['day', 'step', 'action', 'days overdue'], timeline.flatMap((t) => t.actions.map((a) => [t.day === on.value ? `${t.day} ◀` : t.day, a.stepId, actionName(a), a.daysOverdue]))));
  io.out(firedOn.length === 0 ? `nothing fires on ${on.value}` : `on ${on.value}: ${firedOn.map((a) => a.stepId).join(', ')}`);
  return ok(undefined);
}

function actionName(a: DueAction): string {
  return a.action.kind === 'notify' ? `notify (${a.action.channel})` : a.action.kind;
}

function describe(subject: { branch?: string; contract?: string }): string {
  const parts = [subject.branch !== undefined ? `branch '${subject.branch}'` : 'the general level', ...(subject.contract !== undefined ? [`contract '${subject.contract}'`] : [])];
  return parts.join(', ');
}
