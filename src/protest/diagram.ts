import { PROTEST_STATUSES, PROTEST_STATUS_LABELS, isFinalProtestStatus } from './status.js';
import { PROTEST_TRANSITIONS, type ProtestRule } from './transition-table.js';

/**
 * The protest state diagram (Mermaid `stateDiagram-v2`) generated from the
 * same table the code runs. Rows with the same from, to and event are one
 * arrow listing their variants; guarded rows are marked `[guards …]`.
 */
export function protestStateDiagram(table: readonly ProtestRule[] = PROTEST_TRANSITIONS): string {
  const lines = ['stateDiagram-v2'];
  for (const status of PROTEST_STATUSES) lines.push(`  state "${PROTEST_STATUS_LABELS[status]}" as ${status}`);
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
  for (const status of PROTEST_STATUSES) if (isFinalProtestStatus(status)) lines.push(`  ${status} --> [*]`);
  return lines.join('\n');
}
