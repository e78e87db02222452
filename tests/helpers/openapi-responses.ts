/**
 * Every response the API tests receive is checked against the published OpenAPI
 * documents: the operation must be documented, with the status, the media type and
 * (for JSON) a body the response schema accepts, so an undocumented field, status or
 * media type fails the test that produced it. Schemas are JSON Schema 2020-12, as
 * OpenAPI 3.1 specifies, checked with Ajv.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { partnerApiDocument } from "@/lib/openapi/partner-api";
import { partnershipsApiDocument } from "@/lib/openapi/partnerships-api";

// Route handlers take (request, context); any function of that kind is looked up by identity.
type Handler = (request: any, context: any) => Promise<Response>;
interface Route {
  path: string;
  method: string;
}

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
/** Routes outside the two APIs' documents. */
const UNDOCUMENTED = [/^\/api\/auth\//, /\/openapi\.json$/];

let routes: Promise<Map<Handler, Route>> | undefined;

/** Every route handler of app/api, keyed by the function, with its OpenAPI path template. */
function routeTable(): Promise<Map<Handler, Route>> {
  return (routes ??= (async () => {
    const table = new Map<Handler, Route>();
    const root = path.resolve("app/api");
    const files = fs
      .readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(`${path.sep}route.ts`) || file === "route.ts");
    for (const file of files) {
      const template =
        "/api/" +
        path
          .dirname(file)
          .split(path.sep)
          .filter((part) => part !== ".")
          .map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))
          .join("/");
      const exports = (await import(path.join(root, file))) as Record<string, unknown>;
      for (const method of METHODS) {
        if (typeof exports[method] === "function")
          table.set(exports[method] as Handler, { path: template.replace(/\/$/, ""), method: method.toLowerCase() });
      }
    }
    return table;
  })());
}

/** The handler that serves `method` on a concrete path (`/api/v1/partner/programs/<uuid>`), with its path parameters. */
export async function handlerFor(
  method: string,
  concretePath: string,
): Promise<{ handler: Handler; params: Record<string, string>; template: string }> {
  const parts = concretePath.split("?")[0]!.split("/").filter(Boolean);
  const candidates = [...(await routeTable()).entries()].filter(([, route]) => route.method === method.toLowerCase());
  // Literal segments win over parameters (".../payments/invoices" is not ".../payments/{id}").
  const scored = candidates.flatMap(([handler, route]) => {
    const template = route.path.split("/").filter(Boolean);
    if (template.length !== parts.length) return [];
    const params: Record<string, string> = {};
    let literals = 0;
    for (const [i, segment] of template.entries()) {
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      if (name) params[name] = decodeURIComponent(parts[i]!);
      else if (segment === parts[i]) literals++;
      else return [];
    }
    return [{ handler, params, template: route.path, literals }];
  });
  const best = scored.sort((a, b) => b.literals - a.literals)[0];
  if (!best) throw new Error(`no route serves ${method} ${concretePath}`);
  return best;
}

type Document = ReturnType<typeof partnerApiDocument>;
let validators: { ajv: Ajv2020; docs: Record<"partner" | "partnerships", Document> } | undefined;

function schemas() {
  if (validators) return validators;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const docs = { partner: partnerApiDocument(), partnerships: partnershipsApiDocument() };
  for (const [id, doc] of Object.entries(docs)) ajv.addSchema(doc, id);
  return (validators = { ajv, docs });
}

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export interface ObservedResponse {
  status: number;
  contentType: string | null;
  /** The parsed JSON body, or the text for other media types. */
  body: unknown;
}

/** Throws when the response is not what the OpenAPI document of its route says. */
export async function checkDocumentedResponse(handler: Handler, response: ObservedResponse): Promise<void> {
  const route = (await routeTable()).get(handler);
  if (!route || UNDOCUMENTED.some((pattern) => pattern.test(route.path))) return;
  const { ajv, docs } = schemas();
  const which = route.path.startsWith("/api/partnerships") || route.path.startsWith("/api/webhooks") ? "partnerships" : "partner";
  const operation = (
    docs[which].paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>
  )[route.path]?.[route.method];
  const where = `${route.method.toUpperCase()} ${route.path} → ${response.status}`;
  if (!operation) throw new Error(`${where}: the operation is not in the OpenAPI document`);
  const documented = operation.responses[String(response.status)];
  if (!documented) throw new Error(`${where}: the status is not documented (documented: ${Object.keys(operation.responses).join(", ")})`);
  const mediaType = response.contentType?.split(";")[0]!.trim().toLowerCase() ?? null;
  if (!documented.content) {
    if (mediaType && response.body !== undefined && response.body !== "")
      throw new Error(`${where}: a ${mediaType} body where none is documented`);
    return;
  }
  if (!mediaType || !(mediaType in documented.content)) {
    throw new Error(`${where}: media type ${mediaType} is not documented (documented: ${Object.keys(documented.content).join(", ")})`);
  }
  if (mediaType !== "application/json" || !(documented.content[mediaType] as { schema?: unknown }).schema) return;
  const validate = ajv.getSchema(
    `${which}#/${pointer("paths", route.path, route.method, "responses", String(response.status), "content", mediaType, "schema")}`,
  )!;
  if (!validate(response.body)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (error) =>
          `${error.instancePath || "(body)"} ${error.message}${error.params && "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : ""}`,
      );
    throw new Error(`${where}: the body does not match the documented schema: ${problems.join("; ")}`);
  }
}
