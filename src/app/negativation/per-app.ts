import type { AppContext } from '../dependencies.js';

/**
 * A memo each app keeps for itself: `make` builds it on the app's first call, and every later call of that app (its
 * commands and each daily cycle, whose contexts share the app's policies object) gets the same one back. Two apps in
 * one process never share one (a module-level memo would hand one app's texts and masked parts to another, and keep
 * them alive after that app is dropped); a dropped app's memo goes with its policies (a `WeakMap`).
 */
export function perApp<T>(make: () => T): (context: Pick<AppContext, 'policies'>) => T {
  const memos = new WeakMap<object, T>();
  return (context) => {
    let memo = memos.get(context.policies);
    if (memo === undefined) {
      memo = make();
      memos.set(context.policies, memo);
    }
    return memo;
  };
}
