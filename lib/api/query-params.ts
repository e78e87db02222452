/** Query-string parameters both APIs share: whole numbers from text, and page/limit paging. */
import { z } from "zod";
import { MAX_PAGE } from "./bounds";

export const intParam = (min: number, max?: number) => {
  let schema = z.coerce.number().int().min(min);
  if (max !== undefined) schema = schema.max(max);
  return schema;
};

export const paginationQuery = {
  page: intParam(1, MAX_PAGE).default(1),
  limit: intParam(1, 100).default(20),
};
