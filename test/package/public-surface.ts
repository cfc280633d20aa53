/**
 * The library's public surface as the TypeScript compiler sees it: one program
 * over the source of every library entry (scripts/entries.ts, what tsup builds
 * and package.json `exports` publishes) and every symbol each entry exports,
 * aliases resolved. Shared by the TSDoc and `@example` audits.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { libraryEntryList } from '../../scripts/entries.js';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** Absolute paths of the library entries' source files. */
export function librarySources(): string[] {
  return libraryEntryList().map(([, source]) => join(ROOT, source));
}

/** One export of one entry: the name it is exported under and the symbol it stands for (aliases resolved). */
export interface PublicExport {
  readonly name: string;
  readonly symbol: ts.Symbol;
}

/** A program over the entries, its checker, and each entry's exports in entry order (a symbol re-exported by several entries appears once per entry). */
export interface PublicSurface {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly exports: readonly PublicExport[];
}

/** Reads the public surface from the sources (strict, nodenext, as a host compiles it). */
export function readPublicSurface(): PublicSurface {
  const files = librarySources();
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const exports: PublicExport[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`cannot read ${file}`);
    for (const exported of checker.getExportsOfModule(module)) {
      exports.push({ name: exported.name, symbol: exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported });
    }
  }
  return { program, checker, exports };
}
