import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { getDeliverableFile } from "@/lib/partnerships/get-deliverable-file";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) => {
  const file = await getDeliverableFile({ actor, partnershipId: String(params.partnershipId), fileId: String(params.fileId) });
  const name = file.fileName.replace(/[^\x20-\x7e]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      // Images open in the browser; everything else is downloaded. Nothing served here may run script.
      "Content-Disposition": `${file.contentType.startsWith("image/") ? "inline" : "attachment"}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
