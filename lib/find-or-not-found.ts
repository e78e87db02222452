/**
 * The lookup of a record a request names by id. An id that is not a UUID cannot name a
 * record, so it is refused without a query; a record that is absent, or that `find`
 * does not return because the actor may not see it, is the same 404.
 */
import { notFound } from "./errors";
import { isUuid } from "./ids";

/** The record `find` returns for `id`, or `notFound(what)` ("<what> not found"). */
export async function findOrNotFound<T>(what: string, id: string, find: (id: string) => Promise<T | null>): Promise<T> {
  if (!isUuid(id)) throw notFound(what);
  const record = await find(id);
  if (record === null) throw notFound(what);
  return record;
}
