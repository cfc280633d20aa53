import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { parseInput } from '../errors.js';
import { NOTIFY_CHANNELS, type NotifyChannel } from './action.js';
import { contactWindowSchema, DEFAULT_CONTACT_WINDOW, type ContactWindow } from './contact-window.js';
import type { RulerError } from './errors.js';

/** Where a resolved setting came from: the library default or one of the three levels (seed 002). */
export type SettingSource = 'library' | 'general' | 'branch' | 'contract';

/**
 * The ruler settings (seed 002, DOMAIN §4), resolved to plain values.
 * - `registerAutomatically` ("Negativar automaticamente"): negativate steps produce requests; when off they are disabled. Default off (a person decides).
 * - `daysToRegister` ("Dias para executar"): days after the due date for negativate steps; `null` keeps each step's own offset.
 * - `removeAutomatically` ("Remover automaticamente"): remove-negativation steps run; default on (STJ Súmula 548 gives 5 business days).
 * - `defaultContactType` ("Tipo contato padrão"): the channel of notify steps written with `channel: 'default'`.
 * - `daysToNextAction` ("Dias para a próxima ação"): days after a negativation for a follow-up contact on the default channel; `null` for none.
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
const yesNo = z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes'), inherit]);
const days = z.union([z.number().int().min(0).max(3650), z.null(), inherit]);

/**
 * One level of settings as a host stores it: every field optional, each value
 * Yes / No / Default (`'default'` or absent = inherit from the level above), as in seed 002.
 */
export const settingsLevelSchema = z.strictObject({
  registerAutomatically: yesNo.optional(),
  daysToRegister: days.optional(),
  removeAutomatically: yesNo.optional(),
  defaultContactType: z.union([z.enum(NOTIFY_CHANNELS), inherit]).optional(),
  daysToNextAction: days.optional(),
  daysToForwardToCollections: days.optional(),
  contactWindow: z.union([contactWindowSchema, inherit]).optional(),
  enabledChannels: z.union([z.array(z.enum(NOTIFY_CHANNELS)).max(NOTIFY_CHANNELS.length), inherit]).optional(),
  anchor: z.union([z.enum(['invoice', 'customer']), inherit]).optional(),
});

/** One level of settings as written by a host. */
export type SettingsLevel = z.input<typeof settingsLevelSchema>;

declare const resolvedBrand: unique symbol;

/** Settings after inheritance, with the source of every value. Made by {@link resolveSettings}. */
export interface ResolvedSettings {
  readonly values: RulerSettings;
  readonly sources: Readonly<Record<SettingKey, SettingSource>>;
  readonly [resolvedBrand]: true;
}

const KEYS = Object.keys(DEFAULT_RULER_SETTINGS) as SettingKey[];

/**
 * Resolves settings general → branch → contract (seed 002): each level's value
 * wins unless it is Default/absent, in which case the level above decides; the
 * library default is the floor. The result says where each value came from.
 * Errors carry the level in the path (`branch.daysToRegister`).
 */
export function resolveSettings(general: unknown = {}, branch: unknown = {}, contract: unknown = {}): Result<ResolvedSettings, RulerError> {
  const levels: [SettingSource, unknown][] = [
    ['general', general],
    ['branch', branch],
    ['contract', contract],
  ];
  const values: Record<string, unknown> = { ...DEFAULT_RULER_SETTINGS };
  const sources = Object.fromEntries(KEYS.map((key) => [key, 'library'])) as Record<SettingKey, SettingSource>;
  for (const [source, input] of levels) {
    const parsed = parseInput(settingsLevelSchema, input ?? {}, [source]);
    if (parsed.isErr()) return err(parsed.error);
    for (const key of KEYS) {
      const value = parsed.value[key];
      if (value === undefined || value === 'default') continue;
      values[key] = key === 'enabledChannels' ? [...new Set(value as NotifyChannel[])] : value;
      sources[key] = source;
    }
  }
  const resolved = { values: values as unknown as RulerSettings, sources } as ResolvedSettings;
  resolved_.add(resolved);
  return ok(resolved);
}

const resolved_ = new WeakSet<object>();

/** Whether a value was made by {@link resolveSettings}. */
export function isResolvedSettings(value: unknown): value is ResolvedSettings {
  return typeof value === 'object' && value !== null && resolved_.has(value);
}
