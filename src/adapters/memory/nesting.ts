/**
 * How a {@link MemoryStore} tells a transaction started inside another (which
 * would wait for the outer one forever: they run one at a time) from one
 * started beside it (which waits its turn), with no async context kept for
 * every promise of the process (`AsyncLocalStorage` turns on promise hooks
 * for all of them: ~3–4 % of a first daily cycle's CPU and ~12 % of its
 * allocations, measured on Node 20).
 *
 * A store runs each transaction's work through a function with a name of its
 * own. A call made while a transaction runs reads the caller's stack: when
 * that function is on it, the call comes from work that the running
 * transaction is waiting for (V8's async stack traces follow `await`,
 * `Promise.all` and promise chains a function awaits), so it is nested. The
 * stack is read only for a call made while another transaction runs (never
 * in a daily cycle, whose transactions follow one another): a few
 * microseconds then. Not seen: a transaction started from a callback (a
 * timer, an event) that the outer work waits for through a promise of its
 * own: that one waits forever, as it did where there was no async context.
 * Where the runtime gives no stack frames to read (no
 * `Error.captureStackTrace`), nothing is refused, as before where there was no
 * async context.
 *
 * @module
 */

/** Stores made so far: each store's runner gets a name no other store's has. */
let stores = 0;

/**
 * `run` behind a function named for this store alone (`cobranca:MemoryStore#<n>`),
 * the frame {@link awaitedBy} looks for. The name comes from a computed key, so
 * minifiers keep it.
 */
export function namedTransactionRunner<W>(run: (work: W) => Promise<unknown>): (work: W) => Promise<unknown> {
  const name = `cobranca:MemoryStore#${++stores}`;
  return { [name]: async (work: W): Promise<unknown> => await run(work) }[name] as (work: W) => Promise<unknown>;
}

/** The V8 stack API, where the runtime has it. */
interface StackApi {
  stackTraceLimit: number;
  prepareStackTrace?: ((error: Error, sites: readonly { getFunctionName(): string | null }[]) => unknown) | undefined;
  captureStackTrace?: (target: object) => void;
}

/**
 * Whether a function named `name` is on the caller's stack, the async part
 * included (the functions awaiting the caller's work). The host's stack
 * settings are restored before returning; `false` where the runtime cannot tell.
 */
export function awaitedBy(name: string): boolean {
  const api = Error as unknown as StackApi;
  if (typeof api.captureStackTrace !== 'function') return false;
  const limit = api.stackTraceLimit;
  const hadPrepare = Object.prototype.hasOwnProperty.call(api, 'prepareStackTrace');
  const prepare = api.prepareStackTrace;
  try {
    api.stackTraceLimit = Infinity;
    api.prepareStackTrace = (_error, sites) => sites.some((site) => site.getFunctionName() === name);
    const holder: { stack?: unknown } = {};
    api.captureStackTrace(holder);
    return holder.stack === true;
  } catch {
    return false;
  } finally {
    api.stackTraceLimit = limit;
    if (hadPrepare) api.prepareStackTrace = prepare;
    else delete api.prepareStackTrace;
  }
}
