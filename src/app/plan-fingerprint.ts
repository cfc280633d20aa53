import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** JSON with object keys sorted and maps as sorted entries: one text for equal values, whatever their insertion order. */
function canonicalJson(value: unknown): string {
  if (value instanceof Map) return canonicalJson([...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)));
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = value as Record<string, unknown>;
    const keys = Object.keys(fields).filter((key) => fields[key] !== undefined && typeof fields[key] !== 'function').sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(fields[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A short fingerprint (SHA-256, hex) of plain data: equal for equal values
 * (object keys in any order), different when anything in them differs. What
 * the wake index's `plan` compares to tell that the rulers or settings changed.
 */
export function planFingerprint(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}
