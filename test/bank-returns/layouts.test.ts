import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CNAB240_LAYOUTS, CNAB400_LAYOUTS, type FieldSpec } from '../../src/bank-returns/index.js';

/** The community layouts (`@banco-br/cnab_yaml`, MIT), installed as a dev dependency: the source of every position. */
const ROOT = dirname(createRequire(import.meta.url).resolve('@banco-br/cnab_yaml/package.json'));

type YamlLayout = Record<string, { pos: [number, number] } | undefined>;
function layout(path: string): YamlLayout {
  const file = join(ROOT, path);
  return existsSync(file) ? ((parse(readFileSync(file, 'utf8')) as YamlLayout | null) ?? {}) : {};
}
/** A field's position: the bank's own file first, then the generic one (as the community library merges them). */
function positionOf(files: readonly YamlLayout[], name: string): [number, number] | undefined {
  for (const file of files) if (file[name]?.pos) return file[name]?.pos;
  return undefined;
}
function expectFields(fields: Readonly<Record<string, FieldSpec>>, files: readonly YamlLayout[]): void {
  for (const [ours, spec] of Object.entries(fields)) expect([ours, positionOf(files, spec.source)]).toEqual([ours, [spec.from, spec.to]]);
}

describe('field positions agree with the community YAML layouts', () => {
  it.each(Object.values(CNAB400_LAYOUTS).map((l) => [l.bank, l] as const))('CNAB 400 return detail of bank %s', (bank, ours) => {
    expectFields(ours.fields as unknown as Record<string, FieldSpec>, [layout(`cnab400/${bank}/retorno/detalhe.yml`), layout('cnab400/generic/retorno/detalhe.yml')]);
  });

  it.each(Object.values(CNAB240_LAYOUTS).map((l) => [l.bank, l] as const))('CNAB 240 return segments T and U of bank %s', (bank, ours) => {
    const own = bank === '104' ? `cnab240/104/sigcb/retorno` : `cnab240/${bank}/retorno`;
    expectFields(ours.segmentT as unknown as Record<string, FieldSpec>, [layout(`${own}/detalhe_segmento_t.yml`), layout('cnab240/generic/retorno/detalhe_segmento_t.yml')]);
    expectFields(ours.segmentU as unknown as Record<string, FieldSpec>, [layout(`${own}/detalhe_segmento_u.yml`), layout('cnab240/generic/retorno/detalhe_segmento_u.yml')]);
  });

  it.each(Object.values(CNAB400_LAYOUTS).map((l) => [l.bank, l] as const))('CNAB 400 liquidation codes of bank %s are liquidations in the bank\'s table', (bank, ours) => {
    const codes = parse(existsSync(join(ROOT, `cnab400/${bank}/retorno/codigo_ocorrencia.yml`)) ? readFileSync(join(ROOT, `cnab400/${bank}/retorno/codigo_ocorrencia.yml`), 'utf8') : '{}') as Record<string, string> | null;
    if (!codes || Object.keys(codes).length === 0) return; // Santander and Sicoob: taken from the banks' manuals
    for (const code of Object.keys(ours.settlementCodes)) expect([code, codes[String(Number(code))]]).toEqual([code, expect.stringMatching(/liquida|pagamento em cart/i)]);
  });
});
