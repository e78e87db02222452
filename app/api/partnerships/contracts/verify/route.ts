/**
 * Public check of a contract document (no authentication; counted per client address):
 * the PDF itself (multipart/form-data field `file`, or the raw body as application/pdf)
 * or its SHA-256 as JSON `{"sha256": "..."}`.
 */
import { NextResponse, type NextRequest } from "next/server";
import { partnershipsErrorResponse } from "@/lib/api/partnerships-route";
import { addressKey, enforceRateLimit } from "@/lib/api/rate-limit";
import { parseInput, parseJsonText } from "@/lib/api/validation";
import { AppError } from "@/lib/errors";
import { BODY_LIMITS, readBodyBytes } from "@/lib/http/body";
import { clientAddressOf } from "@/lib/http/client-address";
import { verifyContractBody } from "@/lib/partnerships/schemas/contracts";
import { verifyContract, type VerifyContractInput } from "@/lib/partnerships/verify-contract";

/** The API's body limit: a contract PDF, signed and certified, is far smaller. */
const MAX_UPLOAD_BYTES = BODY_LIMITS.json;

const readBytes = (request: Request) => readBodyBytes(request, MAX_UPLOAD_BYTES);

const missingFile = (message: string) =>
  new AppError("invalid_request", message, { fields: [{ path: "body.file", message, type: "value_error.missing" }] });

async function verificationInput(request: NextRequest): Promise<VerifyContractInput> {
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType === "application/json" || contentType.endsWith("+json")) {
    const text = new TextDecoder().decode(await readBytes(request));
    return parseInput(verifyContractBody, parseJsonText(text, "invalid_request"), { code: "invalid_request", location: "body" });
  }
  if (contentType === "application/pdf" || contentType === "application/octet-stream") {
    const document = await readBytes(request);
    if (document.length === 0) throw missingFile("The request body must be the PDF to check");
    return { document };
  }
  if (contentType === "multipart/form-data") {
    const bytes = await readBytes(request);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(bytes), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    } catch {
      throw new AppError("invalid_request", "The multipart body could not be read");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") throw missingFile("Send the PDF as the form field `file`");
    const document = new Uint8Array(await file.arrayBuffer());
    if (document.length === 0) throw missingFile("The uploaded file is empty");
    return { document };
  }
  throw new AppError(
    "unsupported_media_type",
    "Send the PDF as multipart/form-data (field `file`) or application/pdf, or its SHA-256 as application/json",
  );
}

export async function POST(request: NextRequest): Promise<Response> {
  try {
    await enforceRateLimit(addressKey(clientAddressOf(request)));
    return NextResponse.json(await verifyContract(await verificationInput(request)));
  } catch (error) {
    return partnershipsErrorResponse(error);
  }
}
