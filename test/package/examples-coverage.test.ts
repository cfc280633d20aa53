/**
 * An `@example` on every public function and command (issue 13): read with the
 * TypeScript compiler API from the source of every library entry (scripts/entries.ts,
 * the same list package.json `exports` publishes), this lists
 *
 * - every function an entry exports (a function declaration, or a `const` whose
 *   type can be called), once even when several entries re-export it, and
 * - every member of the application `createCollections` returns (its commands
 *   and queries, `Collections`),
 *
 * and counts those whose TSDoc has no `@example` holding a ```ts fence (the
 * fences scripts/check-hosts.ts typechecks and runs against the packed package).
 * A member of `Collections` counts as documented when the member itself carries
 * the example (what a host's editor shows on `collections.startCollection`) or
 * when the factory it is built by does (`startCollection(context)` in its file).
 *
 * None may be missing: the failure names each function or member without one,
 * so whoever adds an export knows where the example goes.
 */
import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readPublicSurface, ROOT } from './public-surface.js';

/** Whether a declaration's TSDoc (a `const`'s is on its statement) has an `@example` with a TypeScript fence. */
function hasExample(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'example' && /```(ts|typescript)(\s+no-run)?\s*\n/.test(ts.getTextOfJSDocComment(tag.comment) ?? ''));
}

function isFunction(declaration: ts.Declaration, checker: ts.TypeChecker): boolean {
  if (ts.isFunctionDeclaration(declaration)) return true;
  if (!ts.isVariableDeclaration(declaration)) return false;
  return checker.getTypeAtLocation(declaration).getCallSignatures().length > 0;
}

/** The factory a `Collections` member is built by: `name: factory(context)`. */
function factoryOf(member: ts.Declaration, checker: ts.TypeChecker): ts.Declaration[] {
  if (!ts.isPropertyAssignment(member) || !ts.isCallExpression(member.initializer)) return [];
  const symbol = checker.getSymbolAtLocation(member.initializer.expression);
  const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return target?.declarations ?? [];
}

interface Coverage {
  readonly functions: string[];
  readonly members: string[];
  readonly missing: string[];
}

function audit(): Coverage {
  const { checker, exports } = readPublicSurface();
  const coverage: Coverage = { functions: [], members: [], missing: [] };
  const seen = new Set<ts.Symbol>();
  let collections: ts.Symbol | undefined;
  for (const { name: exportedAs, symbol } of exports) {
    if (exportedAs === 'Collections') collections = symbol;
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    const declarations = (symbol.declarations ?? []).filter((declaration) => isFunction(declaration, checker));
    if (declarations.length === 0) continue;
    const name = `${relative(ROOT, declarations[0]?.getSourceFile().fileName ?? '')}: ${symbol.name}`;
    coverage.functions.push(name);
    if (!declarations.some(hasExample)) coverage.missing.push(name);
  }
  if (!collections) throw new Error('no entry exports the type Collections');
  for (const member of checker.getDeclaredTypeOfSymbol(collections).getProperties()) {
    const name = `Collections.${member.name}`;
    coverage.members.push(name);
    const declarations = member.declarations ?? [];
    if (!declarations.some((declaration) => hasExample(declaration) || factoryOf(declaration, checker).some(hasExample))) coverage.missing.push(name);
  }
  return coverage;
}

describe('an @example on every public function and command', () => {
  const coverage = audit();

  it('finds the public functions and the commands and queries of createCollections', () => {
    expect(coverage.functions).toContain('src/money/money.ts: brl');
    expect(coverage.functions).toContain('src/app/collections.ts: createCollections');
    expect(coverage.members).toContain('Collections.recordPayment');
    expect(coverage.members).toContain('Collections.createAgreementCategory');
    expect(coverage.members.length).toBeGreaterThan(40);
  });

  it('every public function and every command and query has an @example', () => {
    expect(coverage.missing, `without an @example:\n  ${coverage.missing.join('\n  ')}`).toEqual([]);
  });
});
