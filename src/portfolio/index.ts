/**
 * The collection manager's portfolio view (seed 004): the classifier that sorts
 * invoices into the nine panels and computes the charts' series. Pure: it reads
 * what it is given and decides nothing about what to send.
 * @module portfolio
 */
export {
  classifierInvoiceSchema,
  collectionEventSchema,
  classifyOptionsSchema,
  type ClassifierInvoice,
  type ParsedClassifierInvoice,
  type CollectionEvent,
} from './classify-input.js';
export { PANELS, type PanelName, type Panel, type ClassifyPortfolioInput, type PortfolioClassification, panelsOf, classifyPortfolio, PortfolioClassifier } from './classify.js';
export { type MonthPoint, type OperatorOverdue, type CountPoint, type PortfolioCharts } from './classify-charts.js';
export type { PortfolioError, PortfolioErrorCode } from './errors.js';
