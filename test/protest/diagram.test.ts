import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROTEST_STATUSES, isFinalProtestStatus, protestEventsAllowedIn, protestStateDiagram, type ProtestStatus } from '../../src/protest/index.js';
import { PROTEST_TRANSITIONS } from '../../src/protest/transition-table.js';

const DOC = new URL('../../docs/protest.md', import.meta.url);
const BLOCK = /<!-- diagram:start -->\n[\s\S]*?<!-- diagram:end -->/;

describe('the protest transition table and its diagram', () => {
  it('docs/protest.md shows the diagram generated from the table', () => {
    const expected = `<!-- diagram:start -->\n\`\`\`mermaid\n${protestStateDiagram()}\n\`\`\`\n<!-- diagram:end -->`;
    const text = readFileSync(DOC, 'utf8');
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(DOC, text.replace(BLOCK, expected));
    expect(readFileSync(DOC, 'utf8').match(BLOCK)?.[0]).toBe(expected);
  });

  it('draws every row of the table as an arrow', () => {
    const diagram = protestStateDiagram();
    for (const row of PROTEST_TRANSITIONS) expect(diagram).toContain(`${row.from ?? '[*]'} --> ${row.to} : ${row.event}`);
  });

  it('every status is reachable from the request; only the final ones have no way out', () => {
    const reached = new Set<ProtestStatus>();
    let frontier: (ProtestStatus | null)[] = [null];
    while (frontier.length > 0) {
      const next: ProtestStatus[] = [];
      for (const from of frontier) {
        for (const row of PROTEST_TRANSITIONS) {
          if (row.from !== from || reached.has(row.to)) continue;
          reached.add(row.to);
          next.push(row.to);
        }
      }
      frontier = next;
    }
    expect([...reached].sort()).toEqual([...PROTEST_STATUSES].sort());
    for (const status of PROTEST_STATUSES) expect(protestEventsAllowedIn(status).length === 0).toBe(isFinalProtestStatus(status));
  });

  it('protested is reached only through the registration guard (or a race the notary won, already paid)', () => {
    const into = PROTEST_TRANSITIONS.filter((r) => (r.to === 'protested' || r.to === 'paid') && r.event === 'protest_registered');
    expect(into.map((r) => `${r.from}/${r.guards ?? '-'}`)).toEqual(['notified/registration', 'notified/registration', 'withdrawing/-']);
  });
});
