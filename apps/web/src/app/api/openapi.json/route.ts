import { openApiDocument } from "@/server/api/openapi";

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers parse with. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
