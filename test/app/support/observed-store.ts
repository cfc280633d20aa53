import type { Store, StoreTransaction } from '../../../src/ports/index.js';

/** What an observer sees of one port call: `part.method` (`outbox.settleMany`, `invoices.page`). */
export interface PortCallObserver {
  /** Before the call, with its arguments; may throw to fail it (a fault injected into the port). */
  readonly before?: (key: string, args: readonly unknown[]) => void;
  /** After the call resolved, with its result. */
  readonly after?: (key: string, result: unknown) => void;
  /** When a transaction opens. */
  readonly transaction?: () => void;
}

/**
 * A store that lets a test watch (and fail) every port call made inside its
 * transactions; the store underneath does the work. For tests that count port
 * calls and transactions, never for timing.
 */
export function observedStore(inner: Store, observer: PortCallObserver): Store {
  const wrap = (name: string, target: object): object =>
    new Proxy(target, {
      get(object, method: string) {
        const value = (object as Record<string, unknown>)[method];
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const key = `${name}.${method}`;
          observer.before?.(key, args);
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          observer.after?.(key, result);
          return result;
        };
      },
    });
  return {
    transaction: (work) => {
      observer.transaction?.();
      return inner.transaction((tx) => work(Object.fromEntries(Object.entries(tx).map(([name, part]) => [name, wrap(name, part as object)])) as unknown as StoreTransaction));
    },
  };
}

/** Adds one to a call count. */
export function countCall(calls: Map<string, number>, key: string): void {
  calls.set(key, (calls.get(key) ?? 0) + 1);
}
