/**
 * A copy of a list with one item more, allocated once at its final length
 * (`slice` then `push` allocated twice, and a spread goes through the iterator):
 * how a step adds to a negativation's history, notices and payments without
 * changing the list the caller holds.
 */
export function appended<T>(list: readonly T[], item: T): T[] {
  const length = list.length;
  const next = new Array<T>(length + 1);
  for (let i = 0; i < length; i++) next[i] = list[i] as T;
  next[length] = item;
  return next;
}
