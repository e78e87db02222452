/**
 * Value conversion shared by the project's driver adapters. Postgres speaks the same
 * text protocol whether it is a server (node-postgres) or embedded (PGlite), so one
 * table of column types and one set of parsers serves both.
 *
 * Differences from @prisma/adapter-pg that matter here:
 *  - the `name` type (OID 19) maps to Text. The schema engine's introspection queries
 *    return it, and adapter-pg 6.x rejects it ("Column type 'name' could not be
 *    deserialized"), which breaks every migrate command.
 *  - Bytes parameters arrive from the query compiler as base64 strings and are turned
 *    into Buffers, which is what both drivers expect for bytea.
 */
import { ColumnTypeEnum, type ArgType, type ColumnType } from "@prisma/driver-adapter-utils";
import { parse as parseArray } from "postgres-array";

export const Oid = {
  BOOL: 16,
  BYTEA: 17,
  CHAR: 18,
  NAME: 19,
  INT8: 20,
  INT2: 21,
  INT4: 23,
  TEXT: 25,
  OID: 26,
  JSON: 114,
  XML: 142,
  FLOAT4: 700,
  FLOAT8: 701,
  MONEY: 790,
  INET: 869,
  CIDR: 650,
  BPCHAR: 1042,
  VARCHAR: 1043,
  DATE: 1082,
  TIME: 1083,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  INTERVAL: 1186,
  TIMETZ: 1266,
  BIT: 1560,
  VARBIT: 1562,
  NUMERIC: 1700,
  UUID: 2950,
  JSONB: 3802,
  // arrays
  BOOL_ARRAY: 1000,
  BYTEA_ARRAY: 1001,
  CHAR_ARRAY: 1002,
  NAME_ARRAY: 1003,
  INT2_ARRAY: 1005,
  INT4_ARRAY: 1007,
  TEXT_ARRAY: 1009,
  BPCHAR_ARRAY: 1014,
  VARCHAR_ARRAY: 1015,
  INT8_ARRAY: 1016,
  FLOAT4_ARRAY: 1021,
  FLOAT8_ARRAY: 1022,
  OID_ARRAY: 1028,
  TIMESTAMP_ARRAY: 1115,
  DATE_ARRAY: 1182,
  TIME_ARRAY: 1183,
  TIMESTAMPTZ_ARRAY: 1185,
  NUMERIC_ARRAY: 1231,
  JSON_ARRAY: 199,
  JSONB_ARRAY: 3807,
  UUID_ARRAY: 2951,
  MONEY_ARRAY: 791,
} as const;

/** OIDs at or above this are user-defined (enums, domains): returned as text. */
const FIRST_NORMAL_OBJECT_ID = 16384;

const COLUMN_TYPES: Record<number, ColumnType> = {
  [Oid.INT2]: ColumnTypeEnum.Int32,
  [Oid.INT4]: ColumnTypeEnum.Int32,
  [Oid.INT8]: ColumnTypeEnum.Int64,
  [Oid.OID]: ColumnTypeEnum.Int64,
  [Oid.FLOAT4]: ColumnTypeEnum.Float,
  [Oid.FLOAT8]: ColumnTypeEnum.Double,
  [Oid.BOOL]: ColumnTypeEnum.Boolean,
  [Oid.DATE]: ColumnTypeEnum.Date,
  [Oid.TIME]: ColumnTypeEnum.Time,
  [Oid.TIMETZ]: ColumnTypeEnum.Time,
  [Oid.TIMESTAMP]: ColumnTypeEnum.DateTime,
  [Oid.TIMESTAMPTZ]: ColumnTypeEnum.DateTime,
  [Oid.NUMERIC]: ColumnTypeEnum.Numeric,
  [Oid.MONEY]: ColumnTypeEnum.Numeric,
  [Oid.JSON]: ColumnTypeEnum.Json,
  [Oid.JSONB]: ColumnTypeEnum.Json,
  [Oid.UUID]: ColumnTypeEnum.Uuid,
  [Oid.BPCHAR]: ColumnTypeEnum.Text,
  [Oid.TEXT]: ColumnTypeEnum.Text,
  [Oid.VARCHAR]: ColumnTypeEnum.Text,
  [Oid.NAME]: ColumnTypeEnum.Text,
  [Oid.CHAR]: ColumnTypeEnum.Text,
  [Oid.BIT]: ColumnTypeEnum.Text,
  [Oid.VARBIT]: ColumnTypeEnum.Text,
  [Oid.INET]: ColumnTypeEnum.Text,
  [Oid.CIDR]: ColumnTypeEnum.Text,
  [Oid.XML]: ColumnTypeEnum.Text,
  [Oid.INTERVAL]: ColumnTypeEnum.Text,
  [Oid.BYTEA]: ColumnTypeEnum.Bytes,
  [Oid.INT2_ARRAY]: ColumnTypeEnum.Int32Array,
  [Oid.INT4_ARRAY]: ColumnTypeEnum.Int32Array,
  [Oid.INT8_ARRAY]: ColumnTypeEnum.Int64Array,
  [Oid.OID_ARRAY]: ColumnTypeEnum.Int64Array,
  [Oid.FLOAT4_ARRAY]: ColumnTypeEnum.FloatArray,
  [Oid.FLOAT8_ARRAY]: ColumnTypeEnum.DoubleArray,
  [Oid.NUMERIC_ARRAY]: ColumnTypeEnum.NumericArray,
  [Oid.MONEY_ARRAY]: ColumnTypeEnum.NumericArray,
  [Oid.BOOL_ARRAY]: ColumnTypeEnum.BooleanArray,
  [Oid.CHAR_ARRAY]: ColumnTypeEnum.TextArray,
  [Oid.NAME_ARRAY]: ColumnTypeEnum.TextArray,
  [Oid.BPCHAR_ARRAY]: ColumnTypeEnum.TextArray,
  [Oid.TEXT_ARRAY]: ColumnTypeEnum.TextArray,
  [Oid.VARCHAR_ARRAY]: ColumnTypeEnum.TextArray,
  [Oid.DATE_ARRAY]: ColumnTypeEnum.DateArray,
  [Oid.TIME_ARRAY]: ColumnTypeEnum.TimeArray,
  [Oid.TIMESTAMP_ARRAY]: ColumnTypeEnum.DateTimeArray,
  [Oid.TIMESTAMPTZ_ARRAY]: ColumnTypeEnum.DateTimeArray,
  [Oid.JSON_ARRAY]: ColumnTypeEnum.JsonArray,
  [Oid.JSONB_ARRAY]: ColumnTypeEnum.JsonArray,
  [Oid.BYTEA_ARRAY]: ColumnTypeEnum.BytesArray,
  [Oid.UUID_ARRAY]: ColumnTypeEnum.UuidArray,
};

export class UnsupportedColumnTypeError extends Error {
  constructor(readonly oid: number) {
    super(`Unsupported column type with OID ${oid}`);
  }
}

export function columnTypeFor(oid: number): ColumnType {
  const type = COLUMN_TYPES[oid];
  if (type !== undefined) return type;
  if (oid >= FIRST_NORMAL_OBJECT_ID) return ColumnTypeEnum.Text;
  throw new UnsupportedColumnTypeError(oid);
}

type Parser = (value: string) => unknown;

const identity: Parser = (value) => value;
const asArray =
  (element: Parser): Parser =>
  (value) =>
    parseArray(value, element);

/** Timestamps without zone are stored as UTC by Prisma. */
const timestamp: Parser = (value) => `${value.replace(" ", "T")}+00:00`;
/** The session runs in UTC, so the offset is always zero; normalise its spelling. */
const timestamptz: Parser = (value) => value.replace(" ", "T").replace(/[+-]\d{2}(:\d{2})?$/, "+00:00");
const timetz: Parser = (value) => value.replace(/[+-]\d{2}(:\d{2})?$/, "");
const money: Parser = (value) => value.slice(1);

function hexToBytes(value: string): number[] {
  // bytea_output = hex: "\x0a0b..."
  return Array.from(Buffer.from(value.slice(2), "hex"));
}
const byteaArray: Parser = (value) => parseArray(value, (element) => (element === null ? null : hexToBytes(element)) as never);

/**
 * Parsers for the text representation of each type, producing what Prisma's query
 * engine expects: strings for numerics, dates and JSON, arrays of numbers for bytes.
 */
export const textParsers: Record<number, Parser> = {
  [Oid.INT8]: identity,
  [Oid.NUMERIC]: identity,
  [Oid.NUMERIC_ARRAY]: asArray(identity),
  [Oid.INT8_ARRAY]: asArray(identity),
  [Oid.DATE]: identity,
  [Oid.DATE_ARRAY]: asArray(identity),
  [Oid.TIME]: identity,
  [Oid.TIME_ARRAY]: asArray(identity),
  [Oid.TIMETZ]: timetz,
  [Oid.TIMESTAMP]: timestamp,
  [Oid.TIMESTAMP_ARRAY]: asArray(timestamp),
  [Oid.TIMESTAMPTZ]: timestamptz,
  [Oid.TIMESTAMPTZ_ARRAY]: asArray(timestamptz),
  [Oid.MONEY]: money,
  [Oid.MONEY_ARRAY]: asArray(money),
  [Oid.JSON]: identity,
  [Oid.JSONB]: identity,
  [Oid.JSON_ARRAY]: asArray(identity),
  [Oid.JSONB_ARRAY]: asArray(identity),
  [Oid.BYTEA]: hexToBytes,
  [Oid.BYTEA_ARRAY]: byteaArray,
  [Oid.INTERVAL]: identity,
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function formatTime(date: Date): string {
  const ms = date.getUTCMilliseconds();
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ""}`;
}

function formatDateTime(date: Date): string {
  // Explicit UTC offset, so timestamptz columns do not depend on the session time zone.
  return `${formatDate(date)} ${formatTime(date)}+00:00`;
}

/** Converts one query argument into the value the Postgres driver binds. */
export function toDriverValue(arg: unknown, argType: ArgType | undefined): unknown {
  if (arg === null || arg === undefined) return null;
  if (Array.isArray(arg) && argType?.arity === "list") {
    return arg.map((value) => toDriverValue(value, argType));
  }
  let value = arg;
  if (typeof value === "string" && argType?.scalarType === "datetime") value = new Date(value);
  if (value instanceof Date) {
    switch (argType?.dbType) {
      case "TIME":
      case "TIMETZ":
        return formatTime(value);
      case "DATE":
        return formatDate(value);
      default:
        return formatDateTime(value);
    }
  }
  if (typeof value === "string" && argType?.scalarType === "bytes") return Buffer.from(value, "base64");
  if (Array.isArray(value) && argType?.scalarType === "bytes") return Buffer.from(value as number[]);
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}
