import { formatBrl, fromCents } from 'cobranca';
import type { PanelName } from 'cobranca/portfolio';
import type { SimulationSummary } from '../simulate/summary.js';
import type { Chart } from './charts.js';

/** Seed 004's nine panels, in its order, with its pt-BR titles. */
export const REPORT_PANELS: readonly { readonly name: PanelName; readonly title: string }[] = [
  { name: 'classified', title: 'Clientes classificados para a área de cobrança' },
  { name: 'inContact', title: 'Cobranças em contato' },
  { name: 'awaitingNegotiation', title: 'Cobranças que aguardam negociação' },
  { name: 'agreementPending', title: 'Faturas em acordo pendentes de pagamento' },
  { name: 'agreementFulfilled', title: 'Faturas de acordos liquidadas' },
  { name: 'agreementBroken', title: 'Acordos com data de tolerância vencida' },
  { name: 'registered', title: 'Registradas no SPC' },
  { name: 'critiques', title: 'Críticas de SPC (pagas e ainda registradas)' },
  { name: 'removedAfterRegistration', title: 'Removidas do SPC após registro' },
];

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const brl = (cents: number): string => escape(formatBrl(fromCents(cents)));
const int = (n: number): string => n.toLocaleString('pt-BR');

function rows(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([k, v]) => `<tr><th>${escape(k)}</th><td>${v}</td></tr>`).join('');
}

/** The self-contained report: inline CSS, inline SVG charts, no script and no network. */
export function reportHtml(s: SimulationSummary, charts: readonly Chart[]): string {
  const panels = REPORT_PANELS.map(({ name, title }) => {
    const p = s.panels[name];
    return `<section class="panel" data-panel="${name}"><h3>${escape(title)}</h3><p><span class="figure invoices">${int(p.invoices)}</span> faturas · <span class="figure customers">${int(p.customers)}</span> clientes</p><p class="owed">${brl(p.owedCents)}</p></section>`;
  }).join('\n');
  const figures = charts.map((c) => `<figure class="chart" id="${c.id}" data-series="${c.series}"><figcaption>${escape(c.title)}</figcaption>${c.svg}</figure>`).join('\n');
  const invariants = s.invariants.map((i) => `<li class="${i.holds ? 'ok' : 'fail'}">${i.holds ? '✔' : '✘'} ${escape(i.name)} <small>(${escape(i.detail)})</small></li>`).join('');
  return `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>cobranca — simulação (seed ${s.seed})</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1f24;background:#f6f7f9}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}
.panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
.panel{background:#fff;border-radius:8px;padding:10px 14px;box-shadow:0 1px 2px #0002}
.panel h3{font-size:13px;margin:0 0 6px;color:#444}.panel .owed{font-size:18px;font-weight:600;margin:4px 0 0}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(620px,1fr));gap:16px}
.chart{background:#fff;border-radius:8px;margin:0;padding:10px;box-shadow:0 1px 2px #0002;overflow:auto}
.chart figcaption{font-weight:600;margin-bottom:6px}
table{border-collapse:collapse;background:#fff}th,td{padding:3px 10px;border-bottom:1px solid #e3e5e8;text-align:left}td{text-align:right}
.tables{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.ok{color:#17692f}.fail{color:#b3261e;font-weight:600}
</style></head><body>
<h1>Simulação de cobrança</h1>
<p id="run" data-seed="${s.seed}" data-customers="${s.customers}" data-invoices="${s.invoices}">${int(s.customers)} clientes, ${int(s.invoices)} faturas, ${s.days} dias (${s.from} → ${s.to}), ${escape(s.store)}, seed ${s.seed}. Recuperado: <strong>${brl(s.recoveredCents)}</strong>.</p>
<h2>Painéis do gerenciador de cobrança (seed 004)</h2>
<div class="panels">
${panels}
</div>
<h2>Gráficos</h2>
<div class="charts">
${figures}
</div>
<h2>Resumo</h2>
<div class="tables">
<table><caption>Mensagens por canal</caption>${rows(Object.entries(s.messagesByChannel).map(([k, v]) => [k, int(v)]))}</table>
<table><caption>Ações da régua</caption>${rows(Object.entries(s.rulerActions).map(([k, v]) => [k, int(v)]))}</table>
<table><caption>Acordos</caption>${rows(Object.entries(s.agreements).map(([k, v]) => [k, int(v)]))}</table>
<table><caption>Negativações por status</caption>${rows(Object.entries(s.registrationsByStatus).map(([k, v]) => [k, int(v)]))}</table>
<table><caption>Remoções (Súmula 548)</caption>${rows(Object.entries(s.removals).map(([k, v]) => [k, int(v)]))}</table>
<table><caption>Recuperado por mês</caption>${rows(Object.entries(s.recoveredByMonth).map(([k, v]) => [k, brl(v)]))}</table>
</div>
<h2>Invariantes</h2>
<ul id="invariants">${invariants}</ul>
</body></html>
`;
}
