import { err, ok, type Result } from 'neverthrow';
import {
  ageLimitOn, checkNegativationGuards, DEFAULT_NEGATIVATION_SETTINGS, earliestSubmissionOn, NEGATIVATION_GUARDS, NEGATIVATION_STATUS_LABELS, NEGATIVATION_STATUSES,
  negativationStateDiagram, prescriptionOn, removalDeadline, submissionCutoffOn, type GuardViolation,
} from 'cobranca/negativation';
import { addDays, brazilianCalendar, parseCivilDate } from 'cobranca';
import { failureOf, flagFailure, type CliFailure } from '../failure.js';
import { table, toJson, type Io } from '../output.js';

/** Flags of `cobranca negativation explain`. */
export interface ExplainFlags {
  readonly amount: string;
  readonly due: string;
  readonly asOf: string;
  readonly noticeOn?: string;
  readonly paidOn?: string;
  readonly json?: boolean;
}

const COMPLETE_DEBTOR = { document: '52998224725', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } };

/** Every guard with its legal basis, one row per stage it runs at (the negativation module's read-only catalogue). */
function guardsInForce(): { readonly stage: string; readonly guard: string; readonly basis: string }[] {
  return (['request', 'submission'] as const).flatMap((stage) => NEGATIVATION_GUARDS.filter((g) => g.stages.includes(stage)).map((g) => ({ stage, guard: g.name, basis: g.basis })));
}

/** `cobranca negativation explain`: the state diagram, the guards with their legal basis, and the deadlines of a sample title. */
export function negativationExplainCommand(flags: ExplainFlags, io: Io): Result<void, CliFailure> {
  const calendar = brazilianCalendar();
  const due = parseCivilDate(flags.due);
  if (due.isErr()) return err(flagFailure('--due', due.error));
  const asOf = parseCivilDate(flags.asOf);
  if (asOf.isErr()) return err(flagFailure('--as-of', asOf.error));
  const noticeOn = flags.noticeOn !== undefined ? parseCivilDate(flags.noticeOn) : ok(undefined);
  if (noticeOn.isErr()) return err(flagFailure('--notice-on', noticeOn.error));
  const settings = DEFAULT_NEGATIVATION_SETTINGS;
  const title = { id: 'titulo-1', amount: flags.amount, dueDate: due.value };
  const notices = noticeOn.value !== undefined ? [{ channel: 'letter' as const, sentOn: noticeOn.value }] : [];
  const verdicts: Record<string, readonly GuardViolation[]> = {};
  for (const stage of ['request', 'submission'] as const) {
    const report = checkNegativationGuards({ stage, asOf: asOf.value, title, debtor: COMPLETE_DEBTOR, notices });
    if (report.isErr()) {
      const flag = report.error.path?.[1] === 'amount' ? '--amount' : report.error.path?.[1] === 'dueDate' ? '--due' : undefined;
      return err(flag !== undefined ? flagFailure(flag, report.error) : failureOf(report.error));
    }
    verdicts[stage] = report.value.violations;
  }
  const paidOn = flags.paidOn !== undefined ? removalDeadline(flags.paidOn, calendar) : undefined;
  if (paidOn?.isErr()) return err(flagFailure('--paid-on', paidOn.error));
  const deadlines = {
    minimumDaysOverdueReachedOn: addDays(due.value, settings.minimumDaysOverdue),
    earliestSubmissionOn: earliestSubmissionOn({ notices, settings }) ?? null,
    submissionCutoffOn: submissionCutoffOn(due.value, settings.submissionCutoffMonths),
    ageLimitOn: ageLimitOn(due.value),
    prescribesOn: prescriptionOn(due.value, settings.prescriptionYears),
    removalDeadline: paidOn?.isOk() === true ? paidOn.value : null,
  };
  const guards = guardsInForce();
  if (flags.json === true) {
    io.out(toJson({ statuses: NEGATIVATION_STATUSES.map((s) => ({ status: s, label: NEGATIVATION_STATUS_LABELS[s] })), diagram: negativationStateDiagram(), guards, sample: { title, asOf: asOf.value, verdicts, deadlines } }));
    return ok(undefined);
  }
  io.out('States (seed 000) and transitions, as Mermaid:');
  io.out(table(['status', 'label'], NEGATIVATION_STATUSES.map((s) => [s, NEGATIVATION_STATUS_LABELS[s]])));
  io.out(negativationStateDiagram());
  io.out('\nGuards in force:');
  io.out(table(['stage', 'guard', 'legal basis'], guards.map((g) => [g.stage, g.guard, g.basis])));
  io.out(`\nSample title ${flags.amount} due ${due.value}, as of ${asOf.value}${noticeOn.value ? `, notice posted ${noticeOn.value}` : ', no notice yet'}:`);
  for (const [stage, violations] of Object.entries(verdicts)) {
    io.out(violations.length === 0 ? `  ${stage}: allowed` : `  ${stage}: refused`);
    for (const v of violations) io.out(`    - ${v.guard}: ${v.message} (${v.basis})`);
  }
  io.out(table(['deadline', 'date'], Object.entries(deadlines).map(([name, date]) => [name, date ?? '—'])));
  return ok(undefined);
}
