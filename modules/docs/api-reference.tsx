/**
 * Renders an OpenAPI 3.1 document as a readable reference: one section per endpoint
 * with its parameters, request body and responses. Server-rendered; the parameter tables
 * sit in the shared scroll box.
 */
import { TableBox } from "@/components/ui/table-box";

type Json = Record<string, unknown>;

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: Json }>;
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
}

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-rose-100 text-rose-900",
};

function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(" | ");
  const base = String(schema.type ?? (schema.anyOf ? "one of" : ""));
  const bounds = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : "",
    schema.maximum !== undefined && Number(schema.maximum) < 1e15 ? `≤ ${schema.maximum}` : "",
  ].filter(Boolean);
  return [base, ...bounds].join(" ") + (schema.default !== undefined ? ` (default ${String(schema.default)})` : "");
}

function Schema({ schema }: { schema: Json }) {
  return (
    <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

function Description({ text }: { text: string }) {
  return (
    <div className="space-y-2 text-sm text-slate-700">
      {text
        .split(/\n{2,}|\n(?=## )|(?<=^## [^\n]*)\n/m)
        .map((block) => block.trim())
        .filter(Boolean)
        .map((block, i) =>
          block.startsWith("## ") ? (
            <h3 key={i} className="pt-2 text-base font-semibold text-slate-900">
              {block.slice(3)}
            </h3>
          ) : block.split("\n").every((line) => line.startsWith("- ")) ? (
            <ul key={i} className="list-disc space-y-1 pl-5">
              {block.split("\n").map((line, j) => (
                <li key={j}>{line.slice(2).replaceAll("**", "").replaceAll("`", "")}</li>
              ))}
            </ul>
          ) : (
            <p key={i}>{block.replaceAll("`", "").replaceAll("**", "")}</p>
          ),
        )}
    </div>
  );
}

export function ApiReference({ document, anchor }: { document: Json; anchor: string }) {
  const info = document.info as { title: string; version: string; description: string };
  const paths = document.paths as Record<string, Record<string, Operation>>;
  return (
    <section aria-labelledby={`${anchor}-title`} className="space-y-6">
      <header className="space-y-3">
        <h2 id={`${anchor}-title`} className="text-2xl font-semibold">
          {info.title} <span className="text-sm font-normal text-slate-500">v{info.version}</span>
        </h2>
        <Description text={info.description} />
      </header>
      {Object.entries(paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => (
          <article
            key={`${method} ${path}`}
            id={`${anchor}-${method}-${path}`}
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
              <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_STYLE[method] ?? "bg-slate-100"}`}>{method}</span>
              <span className="break-all">{path}</span>
            </h3>
            <p className="mt-2 font-medium">{op.summary}</p>
            {op.description ? <p className="mt-1 text-sm text-slate-700">{op.description.replaceAll("`", "")}</p> : null}
            <p className="mt-1 text-xs text-slate-500">
              {op.security?.length ? "Requires a bearer token or a signed-in session." : "No authentication."}
            </p>
            {op.parameters?.length ? (
              <TableBox label={`Parameters of ${method.toUpperCase()} ${path}`} className="mt-3">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Parameters</caption>
                  <thead>
                    <tr className="border-b text-xs text-slate-500 uppercase">
                      <th scope="col" className="py-1 pr-3">
                        Parameter
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        In
                      </th>
                      <th scope="col" className="py-1">
                        Type
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`} className="border-b border-slate-100 align-top">
                        <td className="py-1 pr-3 font-mono">
                          {p.name}
                          {p.required ? <span className="text-rose-700"> *</span> : null}
                        </td>
                        <td className="py-1 pr-3">{p.in}</td>
                        <td className="py-1">
                          {typeOf(p.schema)}
                          {p.description ? <div className="text-xs text-slate-500">{p.description}</div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
            ) : null}
            {op.requestBody?.content?.["application/json"]?.schema ? (
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium">Request body</summary>
                <Schema schema={op.requestBody.content["application/json"].schema} />
              </details>
            ) : null}
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium">Responses: {Object.keys(op.responses ?? {}).join(", ")}</summary>
              {Object.entries(op.responses ?? {}).map(([status, response]) => (
                <div key={status} className="mt-2">
                  <p className="text-sm">
                    <span className="font-mono font-semibold">{status}</span> {response.description}
                  </p>
                  {Object.entries(response.content ?? {}).map(([media, body]) =>
                    body.schema && !("$ref" in body.schema) ? <Schema key={media} schema={body.schema} /> : null,
                  )}
                </div>
              ))}
            </details>
          </article>
        )),
      )}
    </section>
  );
}
