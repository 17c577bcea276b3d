import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { envelopeOf, errorEnvelope } from "./envelope";
import type { RouteSpec } from "./route-spec";
import { API_SPECS } from "./specs";

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed request (not JSON, or a bad header)",
  401: "No valid API key or session (INVALID_API_KEY, API_KEY_REVOKED, API_KEY_EXPIRED, UNAUTHENTICATED)",
  403: "A read-only key writing (INSUFFICIENT_SCOPE), or a member doing an admin's task (FORBIDDEN)",
  404: "No such account or resource for this caller; another account's id is a 404 too",
  409: "Conflicts with the current state (last admin, already there, a retry still running)",
  422: "A field is invalid (VALIDATION_FAILED, with data.fields naming each), or the request was refused as it stands",
  429: "Rate limited: wait for Retry-After seconds",
};

function operation(spec: RouteSpec): ZodOpenApiOperationObject {
  const errors = [...new Set([401, 403, 429, ...(spec.errors ?? []), ...(spec.body || spec.query ? [422] : []), ...(spec.params ? [404] : [])])].sort();
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    requestParams: { ...(spec.params ? { path: spec.params } : {}), ...(spec.query ? { query: spec.query } : {}) },
    requestBody: spec.body ? { required: true, content: { "application/json": { schema: spec.body } } } : undefined,
    responses: {
      [String(spec.successStatus ?? 200)]: { description: "Success", content: { "application/json": { schema: envelopeOf(spec.data) } } },
      ...Object.fromEntries(
        errors.map((status) => [String(status), { description: STATUS_TEXT[status] ?? "Error", content: { "application/json": { schema: errorEnvelope } } }]),
      ),
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document of the public API, built once per process from API_SPECS. */
export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const spec of API_SPECS) {
    paths[spec.path] = { ...paths[spec.path], [spec.method.toLowerCase()]: operation(spec) };
  }
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Gatehouse API",
      version: "1.0.0",
      description:
        "Every answer is the envelope {success, status, code, message, data}. Authenticate with an X-Api-Key header (an account key or a personal access token, created under Settings → API keys) or a signed-in session. POST honours Idempotency-Key.",
    },
    security: [{ apiKey: [] }, { session: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: "apiKey", in: "header", name: "X-Api-Key", description: "An account API key or a personal access token" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "A signed-in browser session (writes must come from this site)" },
      },
    },
    paths,
  });
  return cached;
}
