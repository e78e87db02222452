import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { getContractDocument } from "@/lib/partnerships/get-contract-document";
import { contractDocumentQuery } from "@/lib/partnerships/schemas/contracts";

export const GET = partnershipsRoute({ roles: ["creator", "brand"], query: contractDocumentQuery }, async ({ actor, params, query }) => {
  const { contractId, version, document, sha256 } = await getContractDocument({
    actor,
    partnershipId: String(params.partnershipId),
    version: query.version,
  });
  return new Response(new Uint8Array(document), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(document.length),
      "Content-Disposition": `inline; filename="contract-${contractId}${version === "signed" ? "-signed" : ""}.pdf"`,
      ETag: `"${sha256}"`,
      "X-Document-SHA256": sha256,
      // Only the two parties may read it: never store it in shared caches.
      "Cache-Control": "private, no-store",
    },
  });
});
