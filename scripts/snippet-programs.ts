/**
 * Many snippets, few programs: the snippets of one source file (a docs page, a
 * module of src/) become one program, each snippet the body of its own async
 * function (so their names never clash), their imports hoisted and merged at
 * the top. All programs are typechecked by one `tsc` run and run by one Node
 * process (`snippets/main.ts`, with scripts/snippet-harness.ts), so two hundred
 * examples cost about what one does. A snippet's lines are copied unchanged
 * (imports blanked, an `export` keyword dropped), so a compiler error or a
 * failure maps back to its file and line ({@link mapDiagnostics}). A top-level
 * `declare` statement (`declare const collections: Collections;`, for a ```ts
 * no-run snippet that assumes what a host has) is hoisted beside the imports.
 *
 * Two snippets of one file that bind one name to different imports go to two
 * programs. Snippets share a process: one that changes globals (`process.env`)
 * should restore them.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Snippet } from './doc-snippets.js';
import { ROOT } from './support.js';

/** One generated program: its file name (in `snippets/`, without `.ts`) and, for each of its lines, the `file:line` it comes from. */
export interface SnippetProgram {
  readonly name: string;
  readonly text: string;
  readonly origins: readonly (string | undefined)[];
}

interface Binding {
  readonly module: string;
  /** `default`, `*` or the imported name. */
  readonly imported: string;
  readonly local: string;
  readonly typeOnly: boolean;
  readonly origin: string;
  /** A name a `declare` statement binds (not an import). */
  readonly ambient?: boolean;
}

interface Parsed {
  readonly snippet: Snippet;
  readonly bindings: Binding[];
  /** Top-level `declare` statements (`declare const collections: Collections;`), hoisted beside the imports. */
  readonly ambient: { text: string; origin: string }[];
  readonly sideEffects: { module: string; origin: string }[];
  /** The code with its imports blanked and top-level `export` keywords removed, line for line. */
  readonly body: string;
}

function parse(snippet: Snippet): Parsed {
  const source = ts.createSourceFile('snippet.ts', snippet.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const bindings: Binding[] = [];
  const sideEffects: { module: string; origin: string }[] = [];
  const ambient: { text: string; origin: string }[] = [];
  const cuts: { start: number; end: number; keepNewlines: boolean }[] = [];
  const originOf = (node: ts.Node): string => `${snippet.file}:${snippet.line + source.getLineAndCharacterOfPosition(node.getStart(source)).line}`;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const origin = originOf(statement);
      const clause = statement.importClause;
      if (!clause) sideEffects.push({ module, origin });
      else {
        const clauseTypeOnly = clause.isTypeOnly;
        if (clause.name) bindings.push({ module, imported: 'default', local: clause.name.text, typeOnly: clauseTypeOnly, origin });
        const named = clause.namedBindings;
        if (named && ts.isNamespaceImport(named)) bindings.push({ module, imported: '*', local: named.name.text, typeOnly: clauseTypeOnly, origin });
        if (named && ts.isNamedImports(named)) {
          for (const element of named.elements) bindings.push({ module, imported: (element.propertyName ?? element.name).text, local: element.name.text, typeOnly: clauseTypeOnly || element.isTypeOnly, origin });
        }
      }
      cuts.push({ start: statement.getStart(source), end: statement.getEnd(), keepNewlines: true });
      continue;
    }
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      cuts.push({ start: statement.getStart(source), end: statement.getEnd(), keepNewlines: true });
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) {
      const origin = originOf(statement);
      ambient.push({ text: statement.getText(source).replace(/\s*\n\s*/g, ' '), origin });
      for (const name of declaredNames(statement)) bindings.push({ module: `declare ${snippet.source}`, imported: name, local: name, typeOnly: true, origin, ambient: true });
      cuts.push({ start: statement.getStart(source), end: statement.getEnd(), keepNewlines: true });
      continue;
    }
    const exported = ts.canHaveModifiers(statement) ? ts.getModifiers(statement)?.find((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) : undefined;
    if (exported) cuts.push({ start: exported.getStart(source), end: exported.getEnd(), keepNewlines: true });
  }
  let body = snippet.code;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) body = body.slice(0, cut.start) + body.slice(cut.start, cut.end).replace(/[^\n]/g, ' ') + body.slice(cut.end);
  return { snippet, bindings, sideEffects, ambient, body };
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name.text] : []));
  const name = (statement as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

const signature = (binding: Binding): string => `${binding.module}#${binding.imported}`;

/** The expected output of a snippet: the text after each `// →`, with the line it is on. */
export function expectedOutput(snippet: Snippet): { origin: string; text: string }[] {
  return snippet.code.split('\n').flatMap((row, index) => {
    const arrow = /\/\/\s*→ ?(.*)$/.exec(row);
    return arrow ? [{ origin: `${snippet.file}:${snippet.line + index}`, text: (arrow[1] ?? '').trimEnd() }] : [];
  });
}

function importLines(parsed: readonly Parsed[]): { text: string; origin: string }[] {
  const byModule = new Map<string, Binding[]>();
  for (const binding of parsed.flatMap((p) => p.bindings).filter((b) => !b.ambient)) byModule.set(binding.module, [...(byModule.get(binding.module) ?? []), binding]);
  const lines: { text: string; origin: string }[] = [];
  for (const [module, bindings] of byModule) {
    const unique = new Map<string, Binding>();
    // One import per local name; a value import wins over a type-only one.
    for (const binding of bindings) {
      const known = unique.get(binding.local);
      if (!known || (known.typeOnly && !binding.typeOnly)) unique.set(binding.local, binding);
    }
    const origin = bindings[0]?.origin ?? '';
    const specifier = JSON.stringify(module);
    const named: string[] = [];
    for (const binding of unique.values()) {
      if (binding.imported === 'default') lines.push({ text: `import ${binding.typeOnly ? 'type ' : ''}${binding.local} from ${specifier};`, origin });
      else if (binding.imported === '*') lines.push({ text: `import ${binding.typeOnly ? 'type ' : ''}* as ${binding.local} from ${specifier};`, origin });
      else named.push(`${binding.typeOnly ? 'type ' : ''}${binding.imported === binding.local ? binding.local : `${binding.imported} as ${binding.local}`}`);
    }
    if (named.length > 0) lines.push({ text: `import { ${named.join(', ')} } from ${specifier};`, origin });
  }
  const sideEffects = new Map(parsed.flatMap((p) => p.sideEffects).map((effect) => [effect.module, effect.origin]));
  for (const [module, origin] of sideEffects) if (!byModule.has(module)) lines.push({ text: `import ${JSON.stringify(module)};`, origin });
  return lines;
}

function safeName(path: string): string {
  return path.replace(/[^A-Za-z0-9]+/g, '-');
}

/** Groups the snippets by file (splitting a file when two of its snippets bind one name differently) and writes each group as a program. */
export function snippetPrograms(snippets: readonly Snippet[]): SnippetProgram[] {
  const groups: { file: string; parsed: Parsed[]; bound: Map<string, string> }[] = [];
  for (const snippet of snippets) {
    const parsed = parse(snippet);
    const fits = (group: (typeof groups)[number]): boolean => group.file === snippet.file && parsed.bindings.every((binding) => (group.bound.get(binding.local) ?? signature(binding)) === signature(binding));
    let group = groups.find(fits);
    if (!group) {
      group = { file: snippet.file, parsed: [], bound: new Map() };
      groups.push(group);
    }
    group.parsed.push(parsed);
    for (const binding of parsed.bindings) group.bound.set(binding.local, signature(binding));
  }
  const counts = new Map<string, number>();
  return groups.map((group) => {
    const count = (counts.get(group.file) ?? 0) + 1;
    counts.set(group.file, count);
    const lines: string[] = [];
    const origins: (string | undefined)[] = [];
    const push = (text: string, origin?: string): void => {
      lines.push(text);
      origins.push(origin);
    };
    push(`// The snippets of ${group.file}, each in its own function (generated by scripts/snippet-programs.ts).`);
    for (const line of importLines(group.parsed)) push(line.text, line.origin);
    for (const line of group.parsed.flatMap((p) => p.ambient)) push(line.text, line.origin);
    push("import { runSnippets } from './harness.js';");
    push('await runSnippets([');
    for (const { snippet, body } of group.parsed) {
      push(`{ source: ${JSON.stringify(snippet.source)}, run: ${String(snippet.run)}, expected: ${JSON.stringify(expectedOutput(snippet))}, code: async () => {`, snippet.source);
      body.split('\n').forEach((row, index) => push(row, `${snippet.file}:${snippet.line + index}`));
      push('} },', snippet.source);
    }
    push(']);');
    push('export {};');
    return { name: count === 1 ? safeName(group.file) : `${safeName(group.file)}-${count}`, text: `${lines.join('\n')}\n`, origins };
  });
}

/**
 * Writes the programs, the harness and `main.ts` (which runs every program in
 * order, then exits non-zero if a snippet failed) into `dir/snippets`.
 */
export function writeSnippetPrograms(dir: string, snippets: readonly Snippet[]): SnippetProgram[] {
  const programs = snippetPrograms(snippets);
  const folder = join(dir, 'snippets');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(ROOT, 'scripts', 'snippet-harness.ts'), join(folder, 'harness.ts'));
  for (const program of programs) writeFileSync(join(folder, `${program.name}.ts`), program.text);
  const main = [
    "import { finishSnippets } from './harness.js';",
    `for (const program of ${JSON.stringify(programs.map((program) => `./${program.name}.js`))}) await import(program);`,
    'finishSnippets();',
    '',
  ];
  writeFileSync(join(folder, 'main.ts'), main.join('\n'));
  return programs;
}

/** Rewrites `snippets/<program>.ts(line,col)` in compiler output to the snippet's `file:line` (keeping the generated position after it). */
export function mapDiagnostics(output: string, programs: readonly SnippetProgram[]): string {
  const byName = new Map(programs.map((program) => [program.name, program]));
  return output.replace(/snippets\/([\w-]+)\.ts\((\d+),(\d+)\)/g, (whole, name: string, line: string) => {
    const origin = byName.get(name)?.origins[Number(line) - 1];
    return origin ? `${origin} (${whole})` : whole;
  });
}
