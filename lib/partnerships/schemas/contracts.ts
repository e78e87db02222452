/**
 * Request and response schemas of the contract endpoints
 * (../shared/spec/partnerships-api.md, "Contracts"). Fields are camelCase as the spec
 * writes them; timestamps are ISO 8601 strings, null where absent.
 */
import { z } from "zod";
import { ContractStatus, PartyRole } from "../../generated/prisma/enums";
import { isoTimestamp } from "../../schemas/dates";
import { uuid } from "../../schemas/ids";

/** A signature image may be at most this large once decoded. */
export const MAX_SIGNATURE_BYTES = 200 * 1024;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATA_URL_PREFIX = /^data:image\/[a-z0-9.+-]+;base64,/i;

/** PNG, JPEG, GIF or WebP, recognised by their first bytes. */
function isImage(bytes: Buffer): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  return (
    starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) ||
    starts(0xff, 0xd8, 0xff) ||
    starts(0x47, 0x49, 0x46, 0x38) ||
    (starts(0x52, 0x49, 0x46, 0x46) && bytes.subarray(8, 12).toString("latin1") === "WEBP")
  );
}

/** Base64 (optionally as a `data:image/...;base64,` URL) decoded to the image bytes. */
export const signatureImage = z.string().transform((value, ctx) => {
  const text = value.replace(DATA_URL_PREFIX, "").replace(/\s+/g, "");
  // Checked on the text first so an oversized body is refused without decoding it.
  if (text.length > Math.ceil(MAX_SIGNATURE_BYTES / 3) * 4) {
    ctx.addIssue({
      code: "too_big",
      origin: "string",
      maximum: MAX_SIGNATURE_BYTES,
      message: `must be at most ${MAX_SIGNATURE_BYTES} bytes once decoded`,
      input: value,
    });
    return z.NEVER;
  }
  if (text.length === 0 || !BASE64.test(text)) {
    ctx.addIssue({ code: "custom", message: "must be a base64-encoded image", input: value });
    return z.NEVER;
  }
  const bytes = Buffer.from(text, "base64");
  if (bytes.length > MAX_SIGNATURE_BYTES) {
    ctx.addIssue({
      code: "too_big",
      origin: "string",
      maximum: MAX_SIGNATURE_BYTES,
      message: `must be at most ${MAX_SIGNATURE_BYTES} bytes once decoded`,
      input: value,
    });
    return z.NEVER;
  }
  if (!isImage(bytes)) {
    ctx.addIssue({ code: "custom", message: "must be a PNG, JPEG, GIF or WebP image", input: value });
    return z.NEVER;
  }
  return bytes;
});

export const signContractBody = z
  .strictObject({ signature: signatureImage.optional() })
  .optional()
  .transform((body) => body ?? {});
export type SignContractBody = z.output<typeof signContractBody>;

const contractStatus = z.enum(ContractStatus);

/** POST /contract: the contract as generated. */
export const contractSummary = z.strictObject({
  id: uuid,
  partnershipId: uuid,
  status: contractStatus,
  documentUrl: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ContractSummary = z.infer<typeof contractSummary>;

export const contractSignatory = z.strictObject({
  userId: uuid,
  name: z.string(),
  role: z.enum(PartyRole),
  signedAt: isoTimestamp,
  ipAddress: z.string(),
});

/** GET /contract and POST /contract/sign. */
export const contractDetail = z.strictObject({
  id: uuid,
  partnershipId: uuid,
  status: contractStatus,
  documentUrl: z.string(),
  creatorSignedAt: isoTimestamp.nullable(),
  brandSignedAt: isoTimestamp.nullable(),
  signatories: z.array(contractSignatory),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ContractDetail = z.infer<typeof contractDetail>;
