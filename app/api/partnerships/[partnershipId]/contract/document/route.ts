import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { getContractDocument } from "@/lib/partnerships/get-contract-document";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) => {
  const { contractId, document, sha256 } = await getContractDocument({ actor, partnershipId: String(params.partnershipId) });
  return new Response(new Uint8Array(document), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(document.length),
      "Content-Disposition": `inline; filename="contract-${contractId}.pdf"`,
      ETag: `"${sha256}"`,
      // Only the two parties may read it: never store it in shared caches.
      "Cache-Control": "private, no-store",
    },
  });
});
