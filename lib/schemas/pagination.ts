/**
 * Paging. Both APIs take the same `page` and `limit` query parameters; they answer the
 * page differently: the partner API beside the list (`total`, `page`, `limit`, `pages`),
 * the partnerships API in a `pagination` object whose page number is `current`.
 */
import { z } from "zod";

import { MAX_PAGE } from "../api/bounds";
import { intParam } from "../api/query-params";

/** The `page` and `limit` query parameters of every list. */
export const paginationQuery = {
  page: intParam(1, MAX_PAGE).default(1),
  limit: intParam(1, 100).default(20),
};

/** The partner API's page fields, spread into a list response after the list. */
export const pageFields = {
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  pages: z.number().int(),
};

/** The partnerships API's `pagination` object. */
export const paginationResponse = z.object({
  total: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  current: z.number().int().positive(),
  limit: z.number().int().positive(),
});
