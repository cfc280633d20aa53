/**
 * A batch of JSON texts (record bodies, effect payloads) sent as one parameter:
 * a JSON array of the texts spliced as they are. As a `text[]` array literal
 * every element would be escaped on the client (each `"` and `\` of the JSON
 * doubled, a copy of every body) and unescaped on the server; a JSON array of
 * JSON values needs neither: the server parses it as the `jsonb` it stores.
 */

/** The JSON array of `texts`, each already JSON text (as `JSON.stringify` made it), in their order. */
export function jsonBatch(texts: readonly string[]): string {
  return `[${texts.join(',')}]`;
}

/** SQL reading parameter `$n` (a {@link jsonBatch}) as a `jsonb[]` in the batch's order, for an `unnest` zipping it with other columns. */
export function jsonbElements(n: number): string {
  return `(SELECT array_agg(e ORDER BY i) FROM jsonb_array_elements($${n}::jsonb) WITH ORDINALITY AS b(e, i))`;
}
