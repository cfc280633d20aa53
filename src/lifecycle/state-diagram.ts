/** One row of a transition table as the diagram reads it. */
export interface DiagramRow {
  readonly from: string | null;
  readonly event: string;
  readonly variant: string;
  readonly to: string;
  readonly guards?: string | undefined;
}

/**
 * A state diagram (Mermaid `stateDiagram-v2`) drawn from a transition table:
 * one named state per status, rows with the same from, to and event drawn as
 * one arrow listing their variants (`default` is not shown), guarded rows
 * marked `[guards …]`, and an end arrow from each final status. The
 * negativation and protest diagrams both come from here.
 */
export function stateDiagram<S extends string>(
  statuses: readonly S[],
  labels: Readonly<Record<S, string>>,
  isFinal: (status: S) => boolean,
  table: readonly DiagramRow[],
): string {
  const lines = ['stateDiagram-v2'];
  for (const status of statuses) lines.push(`  state "${labels[status]}" as ${status}`);
  const edges = new Map<string, { from: string; to: string; event: string; variants: string[]; guards: Set<string> }>();
  for (const row of table) {
    const from = row.from ?? '[*]';
    const key = `${from}|${row.to}|${row.event}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, (edge = { from, to: row.to, event: row.event, variants: [], guards: new Set() }));
    if (row.variant !== 'default') edge.variants.push(row.variant);
    if (row.guards) edge.guards.add(row.guards);
  }
  for (const edge of edges.values()) {
    const variants = edge.variants.length > 0 ? ` (${edge.variants.join(' / ')})` : '';
    const guards = edge.guards.size > 0 ? ` [guards ${[...edge.guards].join(', ')}]` : '';
    lines.push(`  ${edge.from} --> ${edge.to} : ${edge.event}${variants}${guards}`);
  }
  for (const status of statuses) if (isFinal(status)) lines.push(`  ${status} --> [*]`);
  return lines.join('\n');
}
