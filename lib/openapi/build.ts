/**
 * Builds OpenAPI 3.1 documents from the zod schemas the routes validate with, so the
 * published contract cannot drift from what the code accepts and returns.
 */
import { z } from "zod";

export type HttpMethod = "get" | "post" | "patch" | "put" | "delete";

export interface EndpointDoc {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Omit for endpoints that need no authentication. */
  security?: "bearer";
  pathParams?: Record<string, string>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status → schema; `mediaType` names the body's media types when it is not JSON. */
  responses: Record<number, { description: string; schema?: z.ZodType; mediaType?: string | string[] }>;
  /** Error statuses this endpoint may answer, rendered with the API's error schema. */
  errors: number[];
  idempotent?: boolean;
}

export interface ApiDoc {
  title: string;
  version: string;
  description: string;
  serverUrl: string;
  errorSchema: z.ZodType;
  errorDescriptions: Record<number, string>;
  endpoints: EndpointDoc[];
}

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // The dialect is fixed by the OpenAPI 3.1 document, not repeated per schema.
  const result = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  delete result.$schema;
  return result;
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: object.required?.includes(name) ?? false,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

export function buildOpenApi(doc: ApiDoc): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of doc.endpoints) {
    const parameters: JsonSchema[] = [
      ...Object.entries(endpoint.pathParams ?? {}).map(([name, description]) => ({
        name,
        in: "path",
        required: true,
        description,
        schema: { type: "string", format: "uuid" },
      })),
      ...(endpoint.query ? queryParameters(endpoint.query) : []),
      ...(endpoint.idempotent
        ? [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description:
                "Repeat a request safely: the same key and body return the first response without acting again; the same key with a different body is rejected.",
              schema: { type: "string", maxLength: 255 },
            },
          ]
        : []),
    ];
    const responses: Record<string, JsonSchema> = {};
    for (const [status, response] of Object.entries(endpoint.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema || response.mediaType
          ? {
              content: Object.fromEntries(
                [response.mediaType ?? "application/json"]
                  .flat()
                  .map((type) => [type, response.schema ? { schema: jsonSchema(response.schema, "output") } : {}]),
              ),
            }
          : {}),
      };
    }
    for (const status of endpoint.errors) {
      responses[String(status)] = {
        description: doc.errorDescriptions[status] ?? "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        ...(status === 429
          ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds until the limit resets" } } }
          : {}),
      };
    }
    (paths[endpoint.path] ??= {})[endpoint.method] = {
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      tags: endpoint.tags,
      operationId: `${endpoint.method}${endpoint.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      ...(endpoint.security ? { security: [{ bearerAuth: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(endpoint.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(endpoint.body, "input") } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: doc.title, version: doc.version, description: doc.description },
    servers: [{ url: doc.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "A token from POST /api/v1/auth/token, or an organisation's API key (hmb_…, made with POST /api/v1/organization/api-keys, limited to its scopes). Browser sessions are accepted too.",
        },
      },
      schemas: { Error: jsonSchema(doc.errorSchema, "output") },
    },
  };
}
