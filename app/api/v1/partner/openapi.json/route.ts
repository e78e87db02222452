import { NextResponse } from "next/server";
import { partnerApiDocument } from "@/lib/openapi/partner-api";

export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(partnerApiDocument());
}
