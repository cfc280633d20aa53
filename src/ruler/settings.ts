import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, parseInput, type CobrancaError, type InputOf } from '../errors.js';
import { NOTIFY_CHANNELS, type NotifyChannel } from './action.js';
import { contactWindowSchema, DEFAULT_CONTACT_WINDOW, type ContactWindow } from './contact-window.js';
import type { RulerError } from './errors.js';
import { freezePlainData } from './freeze.js';

/** Where a resolved setting came from: the library default or one of the three levels (seed 002). */
export type SettingSource = 'library' | 'general' | 'branch' | 'contract';
const SETTING_SOURCES: readonly SettingSource[] = ['library', 'general', 'branch', 'contract'];

/** Seed 002's three-way choice: Sim, Não, Padrão (take the level above). */
export type YesNoDefault = 'yes' | 'no' | 'default';

/**
 * The ruler settings (seed 002, docs/legal.md §4), resolved to plain values.
 * - `registerAutomatically` ("Negativar automaticamente"): negativate steps produce requests; when off they are disabled. Default off (a person decides).
 * - `daysToRegister` ("Dias para executar"): days after the due date for negativate steps; `null` keeps each step's own offset.
 * - `removeAutomatically` ("Remover automaticamente"): remove_negativation steps run; default on (STJ Súmula 548 gives 5 business days).
 * - `defaultContactType` ("Tipo contato padrão"): the channel of notify steps written with `channel: 'default'`.
 * - `daysToNextAction` ("Dias para a próxima ação"): days after a registration took effect (the bureau accepted it) for a follow-up contact on the default channel; `null` for none.
 * - `daysToForwardToCollections` (seed 004 "Encaminhar para o sistema de cobrança" at X days): overrides forward steps' offset; `null` keeps it.
 * - `contactWindow`: when contacts are allowed (Mon–Fri 8h–20h, Sat 8h–14h by default).
 * - `enabledChannels`: notify steps on other channels are disabled.
 * - `anchor`: `invoice` (each step once per invoice) or `customer` (once per customer, anchored to the earliest unpaid invoice).
 */
export interface RulerSettings {
  readonly registerAutomatically: boolean;
  readonly daysToRegister: number | null;
  readonly removeAutomatically: boolean;
  readonly defaultContactType: NotifyChannel;
  readonly daysToNextAction: number | null;
  readonly daysToForwardToCollections: number | null;
  readonly contactWindow: ContactWindow;
  readonly enabledChannels: readonly NotifyChannel[];
  readonly anchor: 'invoice' | 'customer';
}

/** The name of a setting. */
export type SettingKey = keyof RulerSettings;

/** The library defaults (the legally safe ones). */
export const DEFAULT_RULER_SETTINGS: RulerSettings = {
  registerAutomatically: false,
  daysToRegister: null,
  removeAutomatically: true,
  defaultContactType: 'email',
  daysToNextAction: null,
  daysToForwardToCollections: null,
  contactWindow: DEFAULT_CONTACT_WINDOW,
  enabledChannels: NOTIFY_CHANNELS,
  anchor: 'invoice',
};

const inherit = z.literal('default');

/** A Yes / No / Default switch (seed 002): `'yes'`, `'no'`, `true`, `false`, or `'default'` (inherit). */
export const yesNoDefaultSchema = z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes'), inherit], {
  error: "expected 'yes', 'no' or 'default'",
});

/**
 * A setting's value schema that also accepts `'default'` (inherit from the level above).
 * @example
 * ```ts
 * import { inheritable } from 'cobranca/ruler';
 * import * as z from 'zod';
 *
 * const maxInstallments = inheritable(z.number().int().min(1).max(24));
 * console.log(maxInstallments.parse(12), maxInstallments.parse('default'));
 * // → 12 default
 * ```
 */
export function inheritable<S extends z.ZodType>(schema: S) {
  return z.union([schema, inherit], { error: (issue) => `expected ${describe(schema)} or 'default' (got ${shown(issue.input)})` });
}

function describe(schema: z.ZodType): string {
  if (schema instanceof z.ZodEnum) return schema.options.map((o) => `'${String(o)}'`).join(', ');
  return 'a valid value';
}

const days = inheritable(z.union([z.number().int().min(0).max(3650), z.null()]));

/** The ruler's settings as one level of the tree writes them: each optional, each Yes / No / Default or a value or `'default'`. */
export const rulerSettingsLevelShape = {
  registerAutomatically: yesNoDefaultSchema.optional(),
  daysToRegister: days.optional(),
  removeAutomatically: yesNoDefaultSchema.optional(),
  defaultContactType: inheritable(z.enum(NOTIFY_CHANNELS)).optional(),
  daysToNextAction: days.optional(),
  daysToForwardToCollections: days.optional(),
  contactWindow: z.union([contactWindowSchema, inherit]).optional(),
  enabledChannels: z.union([z.array(z.enum(NOTIFY_CHANNELS)).max(NOTIFY_CHANNELS.length), inherit]).optional(),
  anchor: inheritable(z.enum(['invoice', 'customer'])).optional(),
} as const;

/**
 * One level of settings as a host stores it: every field optional, each value
 * Yes / No / Default (`'default'` or absent = inherit from the level above), as in seed 002.
 */
export const settingsLevelSchema = z.strictObject(rulerSettingsLevelShape);

/** One level of settings as written by a host. */
export type SettingsLevel = InputOf<typeof settingsLevelSchema>;

declare const resolvedBrand: unique symbol;

/** Settings after inheritance, with the source of every value. Made by {@link resolveSettings}. */
export interface ResolvedSettings {
  readonly values: RulerSettings;
  readonly sources: Readonly<Record<SettingKey, SettingSource>>;
  readonly [resolvedBrand]: true;
}

/** Values and the level each came from, for any set of settings resolved by {@link resolveLevels}. */
export interface ResolvedLevels<T> {
  readonly values: T;
  readonly sources: Readonly<Record<keyof T & string, SettingSource>>;
}

/**
 * The one inheritance rule of seed 002, for any settings shape: each level's
 * value wins unless it is Default/absent, in which case the level above
 * decides; `defaults` is the floor (source `library`). Each level is parsed
 * with `schema` (strict: an unknown name is an error); errors carry the
 * level's own path (`pathOf(level)`), so the host sees where to fix it.
 * @example
 * ```ts
 * import { resolveLevels } from 'cobranca/ruler';
 * import * as z from 'zod';
 *
 * // The seed-002 inheritance for a host's own settings: general → branch → contract, 'default' inherits.
 * const schema = z.strictObject({ maxInstallments: z.union([z.number().int(), z.literal('default')]).optional() });
 * const resolved = resolveLevels(schema, { maxInstallments: 6 }, [
 *   ['general', { maxInstallments: 10 }, ['general']],
 *   ['branch', { maxInstallments: 'default' }, ['branch']],
 *   ['contract', {}, ['contract']],
 * ]);
 * if (resolved.isOk()) console.log(resolved.value.values.maxInstallments, resolved.value.sources.maxInstallments);
 * // → 10 general
 * ```
 */
export function resolveLevels<T extends object>(
  schema: z.ZodType<Record<string, unknown>>,
  defaults: T,
  levels: readonly (readonly [SettingSource, unknown, readonly (string | number)[]])[],
): Result<ResolvedLevels<T>, CobrancaError<'invalid_input'>> {
  const parsed: [SettingSource, Readonly<Record<string, unknown>>][] = [];
  if (!Array.isArray(levels)) return err(cobrancaError('invalid_input', 'expected a list of setting levels, each [source, values, path]'));
  for (const [index, level] of (levels as readonly unknown[]).entries()) {
    if (!Array.isArray(level) || !SETTING_SOURCES.includes(level[0] as SettingSource) || !Array.isArray(level[2])) return err(cobrancaError('invalid_input', `setting level ${index} is not [source, values, path] with a source of ${SETTING_SOURCES.join(', ')}`, { path: [index] }));
  }
  for (const [source, input, path] of levels) {
    const level = parseInput(schema, input ?? {}, path);
    if (level.isErr()) return err(level.error);
    parsed.push([source, level.value]);
  }
  return ok(overlayLevels(defaults, parsed));
}

/**
 * {@link resolveLevels} over levels already parsed: each level's value wins unless it is `'default'` or absent.
 * @example
 * ```ts
 * import { overlayLevels } from 'cobranca/ruler';
 *
 * // Levels already parsed: each value wins unless it is 'default' or absent.
 * const resolved = overlayLevels({ maxInstallments: 6, minimumInstallment: 50 }, [
 *   ['general', { maxInstallments: 10 }],
 *   ['branch', { maxInstallments: 'default', minimumInstallment: 30 }],
 * ]);
 * console.log(resolved.values, resolved.sources);
 * // → { maxInstallments: 10, minimumInstallment: 30 } { maxInstallments: 'general', minimumInstallment: 'branch' }
 * ```
 */
export function overlayLevels<T extends object>(defaults: T, levels: readonly (readonly [SettingSource, Readonly<Record<string, unknown>>])[]): ResolvedLevels<T> {
  const keys = Object.keys(defaults) as (keyof T & string)[];
  const values: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  const sources = Object.fromEntries(keys.map((key) => [key, 'library'])) as Record<keyof T & string, SettingSource>;
  for (const [source, level] of levels) {
    for (const key of keys) {
      const value = level[key];
      if (value === undefined || value === 'default') continue;
      values[key] = Array.isArray(value) ? [...new Set(value as unknown[])] : value;
      sources[key] = source;
    }
  }
  return { values: values as T, sources };
}

/**
 * Resolves the ruler's settings general → branch → contract (seed 002) with
 * {@link resolveLevels}; the result says where each value came from. Errors
 * carry the level in the path (`branch.daysToRegister`).
 * @example
 * ```ts
 * import { resolveSettings, type SettingsLevel } from 'cobranca/ruler';
 *
 * // general → branch → contract: 'default' (or absent) inherits from the level above.
 * const settings = resolveSettings({ registerAutomatically: 'yes', daysToRegister: 15 }, { daysToRegister: 'default', registerAutomatically: 'no' }, { daysToRegister: 30 });
 * settings.match(
 *   ({ values, sources }) => console.log(values.registerAutomatically, sources.registerAutomatically, values.daysToRegister, sources.daysToRegister),
 *   (error) => console.log(error.code, error.path?.join('.')), // e.g. branch.registerAutomatically: expected 'yes', 'no' or 'default'
 * );
 * const fromForm = JSON.parse('{"registerAutomatically":"sim"}') as SettingsLevel; // unchecked input from a settings screen
 * const typo = resolveSettings({}, fromForm);
 * if (typo.isErr()) console.log(typo.error.code, typo.error.path?.join('.'));
 * // → false branch 30 contract
 * // → invalid_input branch.registerAutomatically
 * ```
 */
export function resolveSettings(general: SettingsLevel = {}, branch: SettingsLevel = {}, contract: SettingsLevel = {}): Result<ResolvedSettings, RulerError> {
  const resolved = resolveLevels<RulerSettings>(settingsLevelSchema, DEFAULT_RULER_SETTINGS, [
    ['general', general, ['general']],
    ['branch', branch, ['branch']],
    ['contract', contract, ['contract']],
  ]);
  return resolved.map((r) => resolvedRulerSettings(r.values, r.sources));
}

const resolved_ = new WeakSet<object>();

/**
 * Marks values resolved elsewhere (the application's settings tree, which
 * checked them with the same schemas) as {@link ResolvedSettings}. Internal:
 * not on the module's public face.
 */
export function resolvedRulerSettings(values: RulerSettings, sources: Readonly<Record<SettingKey, SettingSource>>): ResolvedSettings {
  const resolved = freezePlainData({ values, sources }) as ResolvedSettings;
  resolved_.add(resolved);
  return resolved;
}

/**
 * Whether a value was made by {@link resolveSettings}.
 * @example
 * ```ts
 * import { isResolvedSettings, resolveSettings } from 'cobranca/ruler';
 *
 * const settings = resolveSettings({ daysToRegister: 15 });
 * console.log(settings.isOk() && isResolvedSettings(settings.value), isResolvedSettings({ daysToRegister: 15 }));
 * // → true false
 * ```
 */
export function isResolvedSettings(value: unknown): value is ResolvedSettings {
  return typeof value === 'object' && value !== null && resolved_.has(value);
}

/** A short view of a bad setting value for a message: JSON when it has one (a bigint or a cycle has none), cut at 100 characters. */
function shown(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? typeof value).slice(0, 100);
  } catch {
    return typeof value;
  }
}
