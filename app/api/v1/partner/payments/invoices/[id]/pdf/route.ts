import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { renderInvoicePdf } from "@/lib/billing/render-invoice-pdf";

/** One of the partner's invoices as a PDF download. */
export const GET = v1Route({ roles: ["partner"] }, async ({ actor, params }) => {
  const { filename, content } = await renderInvoicePdf({ actor, invoiceId: String(params.id) });
  return new NextResponse(new Uint8Array(content), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(content.length),
      "Cache-Control": "private, no-store",
    },
  });
});
