/**
 * A public function with its parameter types erased, for tests that hand the
 * run-time check what a JavaScript host or parsed JSON may send (missing fields,
 * wrong types, typos): the compile-time types refuse such input, the schema must too.
 */
export function untyped<A extends unknown[], R>(fn: (...args: A) => R): (...args: { [K in keyof A]: unknown }) => R {
  return fn as unknown as (...args: { [K in keyof A]: unknown }) => R;
}
