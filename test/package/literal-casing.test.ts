/**
 * One casing for the string literals of the public API: statuses, events,
 * actions, effect kinds, rounding modes, policies and settings values are all
 * snake_case (`half_up`, `remove_negativation`, `new_proposal`). The test walks
 * every zod schema the public entries export (enums and literals, all the way
 * down) and every exported constant list of literals (`NOTIFY_CHANNELS` …).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryEntryList } from '../../scripts/entries.js';
import type * as z from 'zod';

const ROOT = join(import.meta.dirname, '..', '..');
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * Lists whose values are not literals of ours: the states' official two-letter
 * codes (UF), names that are object keys (camelCase as every key of the API:
 * `classification.panels.inContact`, `faults.dropAfter`), and the event types
 * of the generic bureau profile's wire format (`registration.notice_posted`).
 */
const NOT_OURS = ['STATE_CODES', 'PANELS', 'SIMULATOR_FAULTS', 'genericWebhookSchema'];

/** Whether a find comes from a list that is not ours, or from a list of object keys (`RULER_SETTING_KEYS` …). */
function isNotOurs(where: string): boolean {
  const name = where.split(': ')[1]?.split('.')[0] ?? '';
  return NOT_OURS.includes(name) || name.endsWith('_KEYS');
}

function isSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** Every string an enum or literal accepts inside a schema, with where it was found. */
function literalsOf(schema: z.ZodType, where: string, found: Map<string, string>, seen = new Set<unknown>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const visit = (child: unknown, label: string): void => {
    if (isSchema(child)) literalsOf(child, `${where}${label}`, found, seen);
  };
  switch (def.type) {
    case 'enum':
      for (const value of Object.values(def.entries as Record<string, unknown>)) if (typeof value === 'string' && !found.has(value)) found.set(value, where);
      break;
    case 'literal':
      for (const value of def.values as unknown[]) if (typeof value === 'string' && !found.has(value)) found.set(value, where);
      break;
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) visit(child, `.${key}`);
      visit(def.catchall, '[*]');
      break;
    case 'union':
      (def.options as unknown[]).forEach((child) => visit(child, ''));
      break;
    case 'intersection':
      visit(def.left, '');
      visit(def.right, '');
      break;
    case 'array':
      visit(def.element, '[]');
      break;
    case 'tuple':
      (def.items as unknown[]).forEach((child, index) => visit(child, `[${index}]`));
      visit(def.rest, '[]');
      break;
    case 'record':
    case 'map':
      visit(def.keyType, '{key}');
      visit(def.valueType, '{}');
      break;
    case 'pipe':
      visit(def.in, '');
      visit(def.out, '');
      break;
    case 'lazy':
      visit((def.getter as () => unknown)(), '');
      break;
    default:
      visit(def.innerType, '');
  }
}

/** The literals of the public API: in exported schemas, and exported `as const` lists of them (`NOTIFY_CHANNELS`). */
async function publicLiterals(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const [entry, source] of libraryEntryList()) {
    const module = (await import(join(ROOT, source))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (isSchema(value)) literalsOf(value, `${entry}: ${name}`, found);
      else if (/^[A-Z][A-Z0-9_]*S$/.test(name) && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
        for (const item of value as string[]) if (!found.has(item)) found.set(item, `${entry}: ${name}`);
      }
    }
  }
  return found;
}

describe('string literals of the public API', () => {
  it('are snake_case, in every exported schema and literal list', async () => {
    const literals = await publicLiterals();
    expect(literals.size).toBeGreaterThan(100);
    const offenders = [...literals].filter(([value, where]) => !SNAKE_CASE.test(value) && !isNotOurs(where)).map(([value, where]) => `${value} (${where})`);
    expect(offenders, offenders.join("\n")).toEqual([]);
  });
});
