/**
 * Pages show Next's not-found page where the API would answer 404: services refuse an
 * absent record, one the actor may not see and a malformed id alike with
 * resource_not_found, so a page need not check ids itself.
 */
import { notFound } from "next/navigation";
import { AppError } from "../errors";

export function isNotFoundError(error: unknown): boolean {
  return error instanceof AppError && error.code === "resource_not_found";
}

/** What `load` resolves to, or the not-found page when the service refuses with resource_not_found. */
export async function orNotFound<T>(load: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof load === "function" ? load() : load);
  } catch (error) {
    if (isNotFoundError(error)) notFound();
    throw error;
  }
}
