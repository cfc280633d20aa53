import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, formatPath, parseInput, withPathPrefix, type CobrancaError, type ErrorPath, type InputOf } from '../../errors.js';
import { defineRuler, isRuler, type Ruler, type RulerSpec } from '../../ruler/define-ruler.js';
import { planRuler, type PlannedStep } from '../../ruler/plan.js';
import { settingsTreeSchema, type SettingsTree, type SettingsTreeInput } from './settings-tree.js';
import { resolveTree, subjectSettings, type ResolvedTree, type SettingsSubject, type SubjectSettings } from './subject-settings.js';
import { subjectSettingsMemo } from './subject-settings-memo.js';
import type { CollectionsError } from '../errors.js';

/**
 * The contradictions {@link checkConfiguration} finds, each a setting or step
 * that could never do what it says:
 * - `no_ruler`, `ruler_not_chosen`, `unknown_ruler`: no ruler, several and none named, or a name `rulers` lacks;
 * - `no_bureau`, `bureau_not_chosen`, `unknown_bureau`: the same for bureau gateways (a step's own `bureau` too);
 * - `negativate_before_minimum_days`: a registration asked for (a `negativate` step, or `daysToRegister` with automatic registration) before `minimumDaysOverdue`;
 * - `negativation_without_notice`: under the subject's settings a `negativate` step has no enabled notice step `noticeLeadDays` before it (CDC art. 43 §2);
 * - `removal_step_while_removal_manual`: a `remove_negativation` step where `removeAutomatically` is No;
 * - `channel_never_enabled`: a notify step whose channel no subject using its ruler enables;
 * - `default_contact_type_disabled`: follow-ups (`daysToNextAction`) go by a channel the subject disables;
 * - `notice_channel_not_qualifying`: in `creditor_letter` mode the prior notice goes by a channel that does not count as notice, so no registration could ever be submitted;
 * - `protest_before_minimum_days`: a `protest` step earlier than the subject's `protestDaysAfterDueDate` (the protest guard would refuse it).
 */
export type ConfigurationProblemCode =
  | 'no_ruler'
  | 'ruler_not_chosen'
  | 'unknown_ruler'
  | 'no_bureau'
  | 'bureau_not_chosen'
  | 'unknown_bureau'
  | 'negativate_before_minimum_days'
  | 'negativation_without_notice'
  | 'removal_step_while_removal_manual'
  | 'channel_never_enabled'
  | 'default_contact_type_disabled'
  | 'notice_channel_not_qualifying'
  | 'protest_before_minimum_days';

/** One contradiction: where (`path` into the options), why, and for which subjects (`{}` = the general level: branches and contracts without settings of their own). */
export interface ConfigurationProblem {
  readonly code: ConfigurationProblemCode;
  readonly path: ErrorPath;
  readonly message: string;
  readonly subjects: readonly SettingsSubject[];
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The error `createCollections` and {@link checkConfiguration} return for contradictions: `details.problems` lists every one. */
export type ConfigurationError = CobrancaError<'contradictory_configuration'>;

/** What {@link checkConfiguration} reads: the rulers by id, the settings tree, and the names of the bureau gateways. */
export const configurationInputSchema = z.strictObject({
  /** Rulers by id (specs for `defineRuler`, or defined rulers); a spec without `id` takes its key. */
  rulers: z.record(z.string().trim().min(1).max(100), z.unknown()),
  settings: settingsTreeSchema.default({ general: {}, branches: {}, contracts: {} }),
  /** The names of the bureau gateways the app is given (`Object.keys(bureaus)`). */
  bureaus: z.array(z.string().trim().min(1).max(100)),
});

/** The input of {@link checkConfiguration}. */
export type ConfigurationInput = Omit<InputOf<typeof configurationInputSchema>, 'settings'> & { readonly settings?: SettingsTreeInput | undefined };

/** A configuration without contradictions: every subject's settings, ruler and bureau resolve. */
export interface Configuration {
  readonly rulers: ReadonlyMap<string, Ruler>;
  readonly settings: SettingsTree;
  readonly bureaus: readonly string[];
  /** The settings of a subject (resolved once per subject, then cached). */
  settingsFor(subject?: SettingsSubject): SubjectSettings;
  /** {@link Configuration.settingsFor} of the subject of a branch and a contract (either absent), from the same cache without a subject object per call. */
  readonly settingsOf: (branch?: string, contract?: string) => SubjectSettings;
}

/**
 * Checks a configuration the way `createCollections` does, without any port: a
 * host can call it from its settings screen. Bad input (an unknown setting, a
 * misspelt Yes / No / Default) is `invalid_input` with its path; a ruler that
 * `defineRuler` refuses keeps its own code (e.g. `negativation_without_notice`)
 * with its path under `rulers`. Otherwise every contradiction is found, for the general level, each branch,
 * each contract and each branch with each contract, and reported once with its
 * path, its reason and the subjects it arises for
 * (`contradictory_configuration`, `details.problems`). Pure.
 * @example
 * ```ts
 * import { checkConfiguration } from 'cobranca';
 *
 * // From a settings screen, before saving: the same check createCollections makes.
 * const notice = { id: 'aviso', offsetDays: 0, action: { kind: 'notify', channel: 'email', template: 'aviso-negativacao' } } as const;
 * const negativate = { id: 'negativar', offsetDays: 10, action: { kind: 'negativate' } } as const;
 * const settings = { general: { registerAutomatically: 'yes', minimumDaysOverdue: 10 } } as const;
 *
 * const checked = checkConfiguration({ rulers: { padrao: { id: 'padrao', steps: [notice, negativate] } }, settings, bureaus: ['serasa'] });
 * checked.match(
 *   (configuration) => console.log(configuration.bureaus),
 *   (error) => console.log(error.code, error.message),
 * );
 * // Without the notice step, registering on day 10 would skip the debtor's prior notice (CDC art. 43 §2); defineRuler refuses it:
 * const contradiction = checkConfiguration({ rulers: { padrao: { id: 'padrao', steps: [negativate] } }, settings, bureaus: ['serasa'] });
 * if (contradiction.isErr()) console.log(contradiction.error.code);
 * // → [ 'serasa' ]
 * // → negativation_without_notice
 * ```
 */
export function checkConfiguration(input: ConfigurationInput): Result<Configuration, CollectionsError> {
  const parsed = parseInput(configurationInputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const { settings, bureaus } = parsed.value;
  const rulers = new Map<string, Ruler>();
  const stepIndexes = new Map<string, Map<string, number>>();
  for (const [key, spec] of Object.entries(parsed.value.rulers)) {
    const written = spec !== null && typeof spec === 'object' && !isRuler(spec) && !('id' in spec) ? { ...spec, id: key } : spec;
    const ruler = isRuler(written) ? ok(written) : defineRuler(written as RulerSpec);
    if (ruler.isErr()) return err(withPathPrefix(ruler.error, ['rulers', key]));
    if (ruler.value.id !== key) return err(cobrancaError('invalid_input', `the ruler's id '${ruler.value.id}' differs from its key '${key}'`, { path: ['rulers', key, 'id'] }));
    rulers.set(key, ruler.value);
    stepIndexes.set(key, indexesOf(written, ruler.value));
  }
  const problems = new Problems();
  const subjects = subjectsOf(settings);
  const usage = new Map<string, { subjects: number; disabled: Map<string, number> }>();
  for (const subject of subjects) {
    const resolved = resolveTree(settings, subject);
    const ruler = chooseRuler(resolved, rulers, problems);
    const bureau = chooseBureau(resolved, bureaus, problems);
    checkNegativationPolicy(resolved, problems);
    if (!ruler) continue;
    const stepPath = (stepId: string): ErrorPath => ['rulers', ruler.id, 'steps', stepIndexes.get(ruler.id)?.get(stepId.replace(/\+next-action$/, '')) ?? 0];
    checkRulerUnderSettings(resolved, ruler, bureaus, stepPath, problems);
    const used = usage.get(ruler.id) ?? { subjects: 0, disabled: new Map<string, number>() };
    used.subjects++;
    for (const off of planRuler(ruler, subjectSettings(resolved, ruler, bureau ?? '').rulerSettings.values).disabled) {
      if (off.reason === 'channel_disabled') used.disabled.set(off.stepId, (used.disabled.get(off.stepId) ?? 0) + 1);
    }
    usage.set(ruler.id, used);
  }
  for (const [rulerId, used] of usage) {
    for (const [stepId, count] of used.disabled) {
      if (count < used.subjects) continue;
      const path: ErrorPath = ['rulers', rulerId, 'steps', stepIndexes.get(rulerId)?.get(stepId) ?? 0, 'action', 'channel'];
      problems.add('channel_never_enabled', path, `step '${stepId}' notifies by a channel that no branch or contract using ruler '${rulerId}' enables (enabledChannels)`, {});
    }
  }
  const list = problems.list();
  if (list.length > 0) {
    const first = list[0] as ConfigurationProblem;
    const more = list.length > 1 ? ` (and ${list.length - 1} more contradiction${list.length > 2 ? 's' : ''})` : '';
    return err(cobrancaError('contradictory_configuration', `${first.message}${more}`, { path: first.path, details: { problems: list } }));
  }
  const settingsOf = subjectSettingsMemo((subject) => {
    const resolved = resolveTree(settings, subject);
    const rulerId = resolved.values.ruler ?? [...rulers.keys()][0];
    const bureau = resolved.values.bureau ?? bureaus[0];
    const ruler = rulerId !== undefined ? rulers.get(rulerId) : undefined;
    if (!ruler || bureau === undefined) throw new Error('unreachable: a checked configuration resolves every subject');
    return subjectSettings(resolved, ruler, bureau);
  });
  return ok({
    rulers,
    settings,
    bureaus,
    settingsOf,
    settingsFor: (subject = {}) => settingsOf(subject.branch, subject.contract),
  });
}

/** The original index of each step id in a spec (paths point at what the host wrote, not at the sorted ruler). */
function indexesOf(spec: unknown, ruler: Ruler): Map<string, number> {
  const steps = spec !== null && typeof spec === 'object' && Array.isArray((spec as { steps?: unknown }).steps) ? ((spec as { steps: unknown[] }).steps as { id?: unknown }[]) : ruler.steps;
  return new Map(steps.map((step, index) => [String(step?.id), index]));
}

/** The general level, each branch, each contract, and each branch with each contract. */
function subjectsOf(tree: SettingsTree): SettingsSubject[] {
  const branches = Object.keys(tree.branches);
  const contracts = Object.keys(tree.contracts);
  return [{}, ...branches.map((branch) => ({ branch })), ...contracts.map((contract) => ({ contract })), ...branches.flatMap((branch) => contracts.map((contract) => ({ branch, contract })))];
}

function chooseRuler(resolved: ResolvedTree, rulers: ReadonlyMap<string, Ruler>, problems: Problems): Ruler | undefined {
  const named = resolved.values.ruler;
  if (named !== null) {
    const ruler = rulers.get(named);
    if (!ruler) problems.add('unknown_ruler', resolved.pathOf('ruler'), `no ruler is called '${named}' (rulers: ${[...rulers.keys()].join(', ') || 'none'})`, resolved.subject);
    return ruler;
  }
  if (rulers.size === 1) return [...rulers.values()][0];
  if (rulers.size === 0) problems.add('no_ruler', ['rulers'], 'give at least one ruler', resolved.subject);
  else problems.add('ruler_not_chosen', resolved.pathOf('ruler'), `there are ${rulers.size} rulers; name the one that applies`, resolved.subject);
  return undefined;
}

function chooseBureau(resolved: ResolvedTree, bureaus: readonly string[], problems: Problems): string | undefined {
  const named = resolved.values.bureau;
  if (named !== null) {
    if (!bureaus.includes(named)) problems.add('unknown_bureau', resolved.pathOf('bureau'), `no bureau gateway is called '${named}' (bureaus: ${bureaus.join(', ') || 'none'})`, resolved.subject);
    return bureaus.includes(named) ? named : undefined;
  }
  if (bureaus.length === 1) return bureaus[0];
  if (bureaus.length === 0) problems.add('no_bureau', ['bureaus'], 'give at least one bureau gateway', resolved.subject);
  else problems.add('bureau_not_chosen', resolved.pathOf('bureau'), `there are ${bureaus.length} bureau gateways; name the one registrations go to`, resolved.subject);
  return undefined;
}

function checkNegativationPolicy(resolved: ResolvedTree, problems: Problems): void {
  const { defaultNoticeChannel, qualifyingNoticeChannels, noticeMode } = resolved.values;
  // in the other modes the wait counts from the e-mail's reading or the bureau's posting, not from the creditor's channel
  if (noticeMode === 'creditor_letter' && !qualifyingNoticeChannels.includes(defaultNoticeChannel)) {
    problems.add(
      'notice_channel_not_qualifying',
      resolved.pathOf('defaultNoticeChannel'),
      `the prior notice goes by ${defaultNoticeChannel}, which is not among the qualifying notice channels (${qualifyingNoticeChannels.join(', ')}): no registration could ever be submitted`,
      resolved.subject,
      { qualifyingNoticeChannelsPath: resolved.pathOf('qualifyingNoticeChannels') },
    );
  }
}

function checkRulerUnderSettings(resolved: ResolvedTree, ruler: Ruler, bureaus: readonly string[], stepPath: (stepId: string) => ErrorPath, problems: Problems): void {
  const values = resolved.values;
  const plan = planRuler(ruler, subjectSettings(resolved, ruler, '').rulerSettings.values);
  const minimum = values.minimumDaysOverdue;
  for (const step of plan.open) {
    if (step.action.kind === 'protest') checkProtestStep(resolved, ruler, step, stepPath, problems);
    if (step.action.kind !== 'negativate') continue;
    const earliest = Math.max(step.offsetDays, step.conditions?.minDaysOverdue ?? 0);
    if (earliest < minimum) {
      const overridden = resolved.sources.daysToRegister !== 'library';
      problems.add(
        'negativate_before_minimum_days',
        overridden ? resolved.pathOf('daysToRegister') : [...stepPath(step.id), 'offsetDays'],
        `ruler '${ruler.id}' asks for the registration ${earliest} days after the due date (step '${step.id}'${overridden ? ', moved by daysToRegister' : ''}), but minimumDaysOverdue is ${minimum} (${formatPath(resolved.pathOf('minimumDaysOverdue'))})`,
        resolved.subject,
        { day: earliest, minimumDaysOverdue: minimum, minimumDaysOverduePath: resolved.pathOf('minimumDaysOverdue') },
      );
    }
    if (step.action.bureau !== undefined && !bureaus.includes(step.action.bureau)) {
      problems.add('unknown_bureau', [...stepPath(step.id), 'action', 'bureau'], `no bureau gateway is called '${step.action.bureau}' (bureaus: ${bureaus.join(', ') || 'none'})`, resolved.subject);
    }
  }
  const automaticWithoutStep = values.registerAutomatically && !ruler.steps.some((s) => s.action.kind === 'negativate');
  if (automaticWithoutStep && values.daysToRegister !== null && values.daysToRegister < minimum) {
    problems.add(
      'negativate_before_minimum_days',
      resolved.pathOf('daysToRegister'),
      `automatic registration is asked for ${values.daysToRegister} days after the due date, but minimumDaysOverdue is ${minimum} (${formatPath(resolved.pathOf('minimumDaysOverdue'))})`,
      resolved.subject,
      { day: values.daysToRegister, minimumDaysOverdue: minimum, minimumDaysOverduePath: resolved.pathOf('minimumDaysOverdue') },
    );
  }
  for (const off of plan.disabled) {
    if (off.reason !== 'notice_too_late') continue;
    problems.add(
      'negativation_without_notice',
      stepPath(off.stepId),
      `under these settings step '${off.stepId}' of ruler '${ruler.id}' has no enabled, unconditional notice step ${ruler.policy.noticeLeadDays} days before it (CDC art. 43 §2)`,
      resolved.subject,
    );
  }
  if (!values.removeAutomatically) {
    for (const step of ruler.steps) {
      if (step.action.kind !== 'remove_negativation') continue;
      problems.add(
        'removal_step_while_removal_manual',
        stepPath(step.id),
        `ruler '${ruler.id}' has a remove_negativation step, but removeAutomatically is No (${formatPath(resolved.pathOf('removeAutomatically'))}): removal is the operator's`,
        resolved.subject,
        { removeAutomaticallyPath: resolved.pathOf('removeAutomatically') },
      );
    }
  }
  if (values.daysToNextAction !== null && !values.enabledChannels.includes(values.defaultContactType)) {
    problems.add(
      'default_contact_type_disabled',
      resolved.pathOf('defaultContactType'),
      `follow-ups after a registration (daysToNextAction) go by ${values.defaultContactType}, which enabledChannels does not include`,
      resolved.subject,
    );
  }
}

/** A protest step must not come before the subject's `protestDaysAfterDueDate`: the protest guard would refuse it (Lei 9.492/1997; creditor policy). */
function checkProtestStep(resolved: ResolvedTree, ruler: Ruler, step: PlannedStep, stepPath: (stepId: string) => ErrorPath, problems: Problems): void {
  const earliest = Math.max(step.offsetDays, step.conditions?.minDaysOverdue ?? 0);
  const minimum = resolved.values.protestDaysAfterDueDate;
  if (earliest >= minimum) return;
  problems.add(
    'protest_before_minimum_days',
    [...stepPath(step.id), 'offsetDays'],
    `ruler '${ruler.id}' sends the title to protest ${earliest} days after the due date (step '${step.id}'), but protestDaysAfterDueDate is ${minimum} (${formatPath(resolved.pathOf('protestDaysAfterDueDate'))})`,
    resolved.subject,
    { day: earliest, protestDaysAfterDueDate: minimum, protestDaysAfterDueDatePath: resolved.pathOf('protestDaysAfterDueDate') },
  );
}

/** Problems deduplicated by code and path, each with every subject it arises for. */
class Problems {
  private readonly byKey = new Map<string, { code: ConfigurationProblemCode; path: ErrorPath; message: string; subjects: SettingsSubject[]; details?: Readonly<Record<string, unknown>> }>();

  add(code: ConfigurationProblemCode, path: ErrorPath, message: string, subject: SettingsSubject, details?: Readonly<Record<string, unknown>>): void {
    const key = `${code}|${JSON.stringify(path)}`;
    const found = this.byKey.get(key);
    if (found) found.subjects.push(subject);
    else this.byKey.set(key, { code, path, message, subjects: [subject], ...(details ? { details } : {}) });
  }

  list(): ConfigurationProblem[] {
    return [...this.byKey.values()].map((p) => ({ ...p, message: `${p.message}${scopeOf(p.subjects)}` }));
  }
}

function scopeOf(subjects: readonly SettingsSubject[]): string {
  if (subjects.some((s) => s.branch === undefined && s.contract === undefined)) return '';
  const names = subjects.map((s) => [s.branch !== undefined ? `branch ${s.branch}` : '', s.contract !== undefined ? `contract ${s.contract}` : ''].filter(Boolean).join(' with '));
  return `; for ${names.slice(0, 10).join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`;
}
