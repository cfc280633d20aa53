/** `T` with every `undefined`-able property made a true optional property (for `exactOptionalPropertyTypes`). */
export type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops the properties whose value is `undefined` (zod's optional fields), so records stay clean JSON. */
export function compact<T extends object>(value: T): Compact<T> {
  // A loop over the keys, not Object.fromEntries over filtered entries: no pair arrays built for every property.
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const field = record[key];
    if (field === undefined) continue;
    // A key `__proto__` (JSON.parse makes one) stays an own property, as Object.fromEntries kept it.
    if (key === '__proto__') Object.defineProperty(out, key, { value: field, enumerable: true, writable: true, configurable: true });
    else out[key] = field;
  }
  return out as Compact<T>;
}
