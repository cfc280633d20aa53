import type { ErrorPath } from '../../errors.js';
import type { NegativationSettings } from '../../negativation/index.js';
import type { ProtestSettings } from '../../protest/index.js';
import type { Ruler } from '../../ruler/define-ruler.js';
import { overlayLevels, resolvedRulerSettings, type ResolvedSettings, type RulerSettings, type SettingSource } from '../../ruler/settings.js';
import { DEFAULT_COLLECTION_SETTINGS, type CollectionSettingKey, type CollectionSettings, type SettingsTree } from './settings-tree.js';

/** Whose settings: an invoice's branch and contract (either may be absent: the general level then decides). */
export interface SettingsSubject {
  readonly branch?: string;
  readonly contract?: string;
}

/** Every setting of one subject with where it came from, as {@link resolveTree} reads the tree. */
export interface ResolvedTree {
  readonly subject: SettingsSubject;
  readonly values: CollectionSettings;
  readonly sources: Readonly<Record<CollectionSettingKey, SettingSource>>;
  /** Where a setting of this subject is written in the options (`settings.branches.norte.bureau`), or where to write it when it is the library default. */
  pathOf(key: CollectionSettingKey): ErrorPath;
}

/** A subject's settings as the app uses them: the one resolution fed to the ruler and to the negativation module alike. */
export interface SubjectSettings extends ResolvedTree {
  /** The subject's ruler (the setting `ruler`). */
  readonly ruler: Ruler;
  /** The ruler's part of the values, as `evaluateRuler` takes it. */
  readonly rulerSettings: ResolvedSettings;
  /** The negativation module's part of the values. */
  readonly negativation: NegativationSettings;
  /** The bureau registrations of this subject go to (the setting `bureau`). */
  readonly bureau: string;
  /** The protest module's part of the values (the `protest…` settings, and `prescriptionYears`). */
  readonly protest: ProtestSettings;
}

/** Resolves general → branch → contract for one subject (seed 002); the tree was parsed, so this cannot fail. */
export function resolveTree(tree: SettingsTree, subject: SettingsSubject): ResolvedTree {
  const branchLevel = subject.branch !== undefined ? tree.branches[subject.branch] : undefined;
  const contractLevel = subject.contract !== undefined ? tree.contracts[subject.contract] : undefined;
  const levels: [SettingSource, Readonly<Record<string, unknown>>][] = [['general', tree.general]];
  if (branchLevel) levels.push(['branch', branchLevel]);
  if (contractLevel) levels.push(['contract', contractLevel]);
  const { values, sources } = overlayLevels(DEFAULT_COLLECTION_SETTINGS, levels);
  return {
    subject,
    values,
    sources,
    pathOf(key) {
      const source = sources[key];
      if (source === 'contract' && subject.contract !== undefined) return ['settings', 'contracts', subject.contract, key];
      if (source === 'branch' && subject.branch !== undefined) return ['settings', 'branches', subject.branch, key];
      return ['settings', 'general', key];
    },
  };
}

const RULER_KEYS = ['registerAutomatically', 'daysToRegister', 'removeAutomatically', 'defaultContactType', 'daysToNextAction', 'daysToForwardToCollections', 'contactWindow', 'enabledChannels', 'anchor'] as const satisfies readonly (keyof RulerSettings)[];

const NEGATIVATION_KEYS = [
  'removeAutomatically',
  'minimumDaysOverdue',
  'minimumAmount',
  'noticeWaitingDays',
  'qualifyingNoticeChannels',
  'defaultNoticeChannel',
  'noticeMode',
  'emailReadDays',
  'submissionCutoffMonths',
  'prescriptionYears',
  'requireBirthDateForPersons',
  'removeAfterFirstAgreementInstallment',
  'removeOnPrincipalPaid',
  'removalAlarmBusinessDays',
  'ageLimitWarningDays',
  'stuckSubmissionDays',
] as const satisfies readonly (keyof NegativationSettings)[];

/** The protest module's setting for each tree name (`prescriptionYears` is the debt's, shared with the negativation module). */
const PROTEST_KEYS = {
  protestDaysAfterDueDate: 'daysAfterDueDate',
  protestMinimumAmount: 'minimumAmount',
  protestRegistrationBusinessDays: 'registrationBusinessDays',
  protestElectronicNoticeBusinessDays: 'electronicNoticeBusinessDays',
  protestCreditorCancels: 'creditorCancels',
  protestLetterOfConsentBusinessDays: 'letterOfConsentBusinessDays',
  prescriptionYears: 'prescriptionYears',
} as const satisfies Partial<Record<CollectionSettingKey, keyof ProtestSettings>>;

/** The protest module's settings of a subject, read from the tree's values. */
function protestSettingsOf(values: CollectionSettings): ProtestSettings {
  return Object.fromEntries(Object.entries(PROTEST_KEYS).map(([treeKey, key]) => [key, values[treeKey as keyof typeof PROTEST_KEYS]])) as unknown as ProtestSettings;
}

/** The settings the ruler reads, by name (what `evaluateRuler` takes). */
export const RULER_SETTING_KEYS: readonly (keyof RulerSettings)[] = RULER_KEYS;

/** The settings the negativation module reads, by name (what `startNegativation` takes). */
export const NEGATIVATION_SETTING_KEYS: readonly (keyof NegativationSettings)[] = NEGATIVATION_KEYS;

function pick<T>(values: CollectionSettings, keys: readonly string[]): T {
  return Object.fromEntries(keys.map((key) => [key, values[key as keyof CollectionSettings]])) as T;
}

/** The subject's settings with its ruler and bureau (both checked to exist before this is called). */
export function subjectSettings(resolved: ResolvedTree, ruler: Ruler, bureau: string): SubjectSettings {
  const rulerValues = pick<RulerSettings>(resolved.values, RULER_KEYS);
  const rulerSources = pick<Record<keyof RulerSettings, SettingSource>>(resolved.sources as unknown as CollectionSettings, RULER_KEYS);
  return {
    ...resolved,
    ruler,
    rulerSettings: resolvedRulerSettings(rulerValues, rulerSources),
    negativation: pick<NegativationSettings>(resolved.values, NEGATIVATION_KEYS),
    protest: protestSettingsOf(resolved.values),
    bureau,
  };
}
