import type { Store } from '../ports/store.js';

/** One check of the storage conformance suite. */
export interface ConformanceCase {
  readonly name: string;
  /** Runs the case against a fresh store; rejects (an assertion error) when the store breaks the contract. */
  run(): Promise<void>;
}

/** Makes a fresh, empty store for each case. */
export type StoreFactory = () => Store | Promise<Store>;

/** Collects the cases of one file: `test(name, run)` adds a case that runs on a fresh store from `makeStore`. */
export function caseCollector(makeStore: StoreFactory): { cases: ConformanceCase[]; test: (name: string, run: (store: Store) => Promise<void>) => void } {
  const cases: ConformanceCase[] = [];
  const test = (name: string, run: (store: Store) => Promise<void>): void => {
    cases.push({ name, run: async () => run(await makeStore()) });
  };
  return { cases, test };
}
