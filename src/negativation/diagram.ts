import { NEGATIVATION_STATUSES, NEGATIVATION_STATUS_LABELS, isFinalStatus } from './status.js';
import { TRANSITIONS, type TransitionRule } from './transition-table.js';

/**
 * The state diagram (Mermaid `stateDiagram-v2`) generated from the same
 * transition table the code uses. Rows with the same from, to and event are
 * drawn as one arrow listing their variants; guarded rows are marked `[guards: …]`.
 */
export function negativationStateDiagram(table: readonly TransitionRule[] = TRANSITIONS): string {
  const lines = ['stateDiagram-v2'];
  for (const status of NEGATIVATION_STATUSES) lines.push(`  state "${NEGATIVATION_STATUS_LABELS[status]}" as ${status}`);
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
  for (const status of NEGATIVATION_STATUSES) if (isFinalStatus(status)) lines.push(`  ${status} --> [*]`);
  return lines.join('\n');
}
