/** Query-string parameters both APIs share: whole numbers from text, and page/limit paging. */
import { z } from "zod";

export const intParam = (min: number, max?: number) => {
  let schema = z.coerce.number().int().min(min);
  if (max !== undefined) schema = schema.max(max);
  return schema;
};

/** The enum a query parameter's schema accepts, looking through optional and default wrappers. */
function enumOptions(schema: z.ZodType): readonly string[] | null {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 5; depth++) {
    if (current instanceof z.ZodEnum) return current.options as readonly string[];
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
      current = current._zod.def.innerType as z.ZodType;
      continue;
    }
    return null;
  }
  return null;
}

/**
 * Query parameters with a list of choices are matched without regard to case
 * (`subject=mathematics` is `Mathematics`); the canonical spelling is what the handler,
 * and so the response, sees. Other parameters pass through untouched.
 */
export function canonicalQuery(schema: z.ZodType, query: Record<string, string>): Record<string, string> {
  if (!(schema instanceof z.ZodObject)) return query;
  const shape = schema.shape as Record<string, z.ZodType>;
  const out: Record<string, string> = { ...query };
  for (const [key, value] of Object.entries(query)) {
    const options = shape[key] ? enumOptions(shape[key]) : null;
    const canonical = options?.find((option) => option.toLowerCase() === value.trim().toLowerCase());
    if (canonical !== undefined) out[key] = canonical;
  }
  return out;
}
