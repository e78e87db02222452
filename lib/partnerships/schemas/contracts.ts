/**
 * Request and response schemas of the contract endpoints
 * (../shared/spec/partnerships-api.md, "Contracts"). Fields are camelCase as the spec
 * writes them; timestamps are ISO 8601 strings, null where absent.
 */
import { z } from "zod";
import { ContractDecision, ContractStatus, PartyRole } from "../../generated/prisma/enums";
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

/** The sentence a party accepts by signing; stored with the signature exactly as shown. */
export const CONSENT_TEXT = "I agree that typing my name is my electronic signature on this contract and that I have read it.";

export const REVIEW_WINDOW_DAYS = { min: 1, max: 60, default: 5 } as const;

/** POST /contract: how many days the brand has to review each submission (default 5). */
export const generateContractBody = z
  .strictObject({
    reviewWindowDays: z
      .number()
      .int()
      .min(REVIEW_WINDOW_DAYS.min)
      .max(REVIEW_WINDOW_DAYS.max)
      .optional()
      .describe(
        `Days the brand has to review a submitted deliverable before it is approved automatically (${REVIEW_WINDOW_DAYS.min}-${REVIEW_WINDOW_DAYS.max}, default ${REVIEW_WINDOW_DAYS.default})`,
      ),
  })
  .optional()
  .transform((body) => ({ reviewWindowDays: body?.reviewWindowDays ?? REVIEW_WINDOW_DAYS.default }));
export type GenerateContractBody = z.output<typeof generateContractBody>;

/** The signer's full legal name as typed. */
export const signerFullName = z.string().trim().min(2, "must be at least 2 characters").max(200);

/** POST /contract/sign: the typed name and explicit consent are the electronic signature; an image is optional. */
export const signContractBody = z.strictObject({
  fullName: signerFullName.describe("The signer's full name, typed: it is the electronic signature"),
  consent: z.literal(true, "must be true: the signer accepts the consent statement").describe(`Must be true: "${CONSENT_TEXT}"`),
  signature: signatureImage.optional().describe("Base64-encoded signature image (PNG, JPEG, GIF or WebP), optional"),
});
export type SignContractBody = z.output<typeof signContractBody>;

/** POST /contract/reject: why the party refuses the contract. */
export const rejectContractBody = z.strictObject({
  reason: z.string().trim().min(1, "is required").max(2000),
});
export type RejectContractBody = z.output<typeof rejectContractBody>;

const sha256Hex = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, "must be a SHA-256 digest: 64 hexadecimal characters")
  .transform((value) => value.toLowerCase());

/** POST /contracts/verify as JSON: the digest of a document to check. */
export const verifyContractBody = z.strictObject({ sha256: sha256Hex });

const contractStatus = z.enum(ContractStatus);

/** POST /contract: the contract as generated (a draft). */
export const contractSummary = z.strictObject({
  id: uuid,
  partnershipId: uuid,
  status: contractStatus,
  documentUrl: z.string(),
  reviewWindowDays: z.number().int(),
  documentSha256: z.string().describe("SHA-256 of the document as generated; it is the document sent for signature"),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ContractSummary = z.infer<typeof contractSummary>;

export const contractSignatory = z.strictObject({
  userId: uuid,
  name: z.string(),
  role: z.enum(PartyRole),
  decision: z.enum(ContractDecision).describe("signed, or rejected (with reason)"),
  fullName: z.string().nullable().describe("The full name the party typed to sign"),
  reason: z.string().nullable().describe("Why the party rejected the contract"),
  signedAt: isoTimestamp.describe("When the party signed or rejected"),
  ipAddress: z.string(),
  userAgent: z.string().nullable(),
});

/** GET /contract, and the answer of send, sign and reject. */
export const contractDetail = z.strictObject({
  id: uuid,
  partnershipId: uuid,
  status: contractStatus,
  documentUrl: z.string().describe("The signed document once active, the document as sent before"),
  sentDocumentUrl: z.string().describe("The document as generated and sent for signature"),
  signedDocumentUrl: z.string().nullable().describe("The signed document with its audit certificate; null until active"),
  reviewWindowDays: z.number().int(),
  documentSha256: z.string().describe("SHA-256 of the document as sent"),
  signedDocumentSha256: z.string().nullable().describe("SHA-256 of the signed document; null until active"),
  consentText: z.string().describe("The statement a party accepts by signing"),
  creatorSignedAt: isoTimestamp.nullable(),
  brandSignedAt: isoTimestamp.nullable(),
  signatories: z.array(contractSignatory),
  sentAt: isoTimestamp.nullable(),
  activatedAt: isoTimestamp.nullable(),
  terminatedAt: isoTimestamp.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ContractDetail = z.infer<typeof contractDetail>;

/** GET /contract/document?version=: the sent or the signed document (default: signed once active). */
export const contractDocumentQuery = z.object({ version: z.enum(["sent", "signed"]).optional() });

const verifiedSignatory = z.strictObject({
  role: z.enum(PartyRole),
  fullName: z.string().nullable(),
  decision: z.enum(ContractDecision),
  signedAt: isoTimestamp,
});

/** POST /contracts/verify: whether the platform issued a document with this digest, and which one. */
export const verifyContractResponse = z.union([
  z.strictObject({
    issued: z.literal(true),
    matches: z.enum(["sent", "signed"]).describe("sent: the document sent for signature; signed: the signed document"),
    sha256: z.string(),
    contractId: uuid,
    status: contractStatus,
    issuedAt: isoTimestamp.describe("When the matching document was issued: sent for signature, or signed by both parties"),
    activatedAt: isoTimestamp.nullable(),
    signatories: z.array(verifiedSignatory),
  }),
  z.strictObject({ issued: z.literal(false), sha256: z.string() }),
]);
export type VerifyContractResponse = z.infer<typeof verifyContractResponse>;
