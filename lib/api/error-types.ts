/**
 * The `type` of each failing field, in the partner spec's vocabulary (its example is
 * `value_error.missing`): `value_error.*` for a value that is not allowed and
 * `type_error.*` for a value of the wrong kind. One table for both APIs; it is
 * published in their OpenAPI descriptions.
 */
import type { z } from "zod";

/** [type, when], in the order the OpenAPI description lists them. */
export const ERROR_TYPES: ReadonlyArray<readonly [string, string]> = [
  ["value_error.missing", "a required field or parameter is absent"],
  ["type_error.string / .integer / .number / .boolean / .list / .dict", "a value of the wrong JSON type"],
  ["type_error.enum", "a value outside the listed choices"],
  ["value_error.const", "a value other than the one allowed"],
  ["value_error.number.not_gt / .not_ge / .not_lt / .not_le", "a number outside its bounds"],
  ["value_error.any_str.min_length / .max_length", "text too short or too long"],
  ["value_error.list.min_items / .max_items", "too few or too many items"],
  ["value_error.uuid / .date / .datetime / .email / .url / .str.regex", "text not in the required form"],
  ["value_error.extra", "a field that is not part of the request"],
  ["value_error.jsondecode", "a body that is not valid JSON"],
  ["value_error", "any other rule of the field (its message says which); some add a suffix, e.g. value_error.currency_mismatch"],
];

const TYPE_NAMES: Record<string, string> = {
  string: "string",
  number: "number",
  int: "integer",
  boolean: "boolean",
  array: "list",
  object: "dict",
  date: "date",
  bigint: "integer",
};

const BOUNDS: Record<string, { too_small: string; too_big: string }> = {
  number: { too_small: "value_error.number.not_g", too_big: "value_error.number.not_l" },
  bigint: { too_small: "value_error.number.not_g", too_big: "value_error.number.not_l" },
  string: { too_small: "value_error.any_str.min_length", too_big: "value_error.any_str.max_length" },
  array: { too_small: "value_error.list.min_items", too_big: "value_error.list.max_items" },
  set: { too_small: "value_error.list.min_items", too_big: "value_error.list.max_items" },
};

const FORMATS: Record<string, string> = {
  uuid: "value_error.uuid",
  guid: "value_error.uuid",
  date: "value_error.date",
  datetime: "value_error.datetime",
  email: "value_error.email",
  url: "value_error.url",
  regex: "value_error.str.regex",
};

/** The spec's type for a zod issue; `missing` says whether the input had no value there. */
export function errorType(issue: z.core.$ZodIssue, missing: boolean): string {
  switch (issue.code) {
    case "invalid_type":
      return missing ? "value_error.missing" : `type_error.${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return issue.values.length === 1 ? "value_error.const" : "type_error.enum";
    case "too_small":
    case "too_big": {
      const bounds = BOUNDS[issue.origin];
      if (!bounds) return "value_error";
      const base = bounds[issue.code];
      // Numbers say which bound: not_gt / not_ge / not_lt / not_le.
      return base.endsWith("not_g") || base.endsWith("not_l") ? `${base}${issue.inclusive === false ? "t" : "e"}` : base;
    }
    case "invalid_format":
      return FORMATS[issue.format] ?? "value_error.str.regex";
    case "unrecognized_keys":
      return "value_error.extra";
    case "invalid_union":
      return missing ? "value_error.missing" : "value_error";
    case "custom":
      // A rule may name its own type (`params: { type: "value_error.date" }`).
      return typeof issue.params?.type === "string" ? issue.params.type : "value_error";
    default:
      return "value_error";
  }
}
