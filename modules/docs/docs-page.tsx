import Link from "next/link";
import { ApiReference } from "@/modules/docs/api-reference";
import { partnerApiDocument } from "@/lib/openapi/partner-api";
import { partnershipsApiDocument } from "@/lib/openapi/partnerships-api";

export default function DocsPage() {
  return (
    <div className="mx-auto max-w-5xl space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Harambee API reference</h1>
        <p className="text-slate-700">
          Machine-readable OpenAPI 3.1:{" "}
          <Link className="text-brand-700 underline" href="/api/v1/partner/openapi.json">
            /api/v1/partner/openapi.json
          </Link>{" "}
          and{" "}
          <Link className="text-brand-700 underline" href="/api/partnerships/openapi.json">
            /api/partnerships/openapi.json
          </Link>
          . Get a token with <code className="rounded bg-slate-100 px-1">POST /api/v1/auth/token</code> and send it as{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </header>
      <nav aria-label="APIs" className="flex gap-4 text-sm">
        <a className="text-brand-700 underline" href="#partner-title">
          Partner dashboard API
        </a>
        <a className="text-brand-700 underline" href="#partnerships-title">
          Partnerships API
        </a>
      </nav>
      <ApiReference document={partnerApiDocument()} anchor="partner" />
      <ApiReference document={partnershipsApiDocument()} anchor="partnerships" />
    </div>
  );
}
