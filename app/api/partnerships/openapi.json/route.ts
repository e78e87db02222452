import { NextResponse } from "next/server";
import { partnershipsApiDocument } from "@/lib/openapi/partnerships-api";

export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(partnershipsApiDocument());
}
