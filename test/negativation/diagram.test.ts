import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEGATIVATION_STATUSES, isFinalStatus, negativationStateDiagram, type NegativationStatus } from '../../src/negativation/index.js';
import { TRANSITIONS, eventsAllowedIn } from '../../src/negativation/transition-table.js';

const DOC = new URL('../../docs/negativation.md', import.meta.url);
const BLOCK = /<!-- diagram:start -->\n[\s\S]*?<!-- diagram:end -->/;

describe('the transition table and its diagram', () => {
  it('docs/negativation.md shows the diagram generated from the table', () => {
    const expected = `<!-- diagram:start -->\n\`\`\`mermaid\n${negativationStateDiagram()}\n\`\`\`\n<!-- diagram:end -->`;
    const text = readFileSync(DOC, 'utf8');
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(DOC, text.replace(BLOCK, expected));
    expect(readFileSync(DOC, 'utf8').match(BLOCK)?.[0]).toBe(expected);
  });

  it('draws every rule of the table as an arrow', () => {
    const diagram = negativationStateDiagram();
    for (const rule of TRANSITIONS) expect(diagram).toContain(`${rule.from ?? '[*]'} --> ${rule.to} : ${rule.event}`);
  });

  it('every status is reachable from the request; only the final ones have no way out', () => {
    const reached = new Set<NegativationStatus>();
    let frontier: (NegativationStatus | null)[] = [null];
    while (frontier.length > 0) {
      const next: NegativationStatus[] = [];
      for (const from of frontier) {
        for (const rule of TRANSITIONS) {
          if (rule.from !== from || reached.has(rule.to)) continue;
          reached.add(rule.to);
          next.push(rule.to);
        }
      }
      frontier = next;
    }
    expect([...reached].sort()).toEqual([...NEGATIVATION_STATUSES].sort());
    for (const status of NEGATIVATION_STATUSES) expect(eventsAllowedIn(status).length === 0).toBe(isFinalStatus(status));
  });

  it('recovered is reached only from a removal in progress; registration and submission only through their guarded steps', () => {
    expect(TRANSITIONS.filter((r) => r.to === 'recovered').map((r) => `${r.from}/${r.variant}`)).toEqual(['recovering/default', 'failed/failed removing']);
    expect(TRANSITIONS.filter((r) => r.to === 'negativated' && r.from !== 'negativated').map((r) => r.from)).toEqual(['awaiting_return']);
    expect(TRANSITIONS.filter((r) => r.to === 'awaiting_return' && r.from !== 'awaiting_return').every((r) => r.guards === 'submission')).toBe(true);
  });
});
