import { z } from "zod";

/** What a route handler answers; `toResponse` wraps it in the one envelope every answer shares. */
export type ApiReply = { status: number; code: string; message: string; data: unknown; headers?: Record<string, string> };

export const succeed = (data: unknown, message = "OK", status = 200): ApiReply => ({ status, code: status === 201 ? "CREATED" : "OK", message, data });

export const refuse = (status: number, code: string, message: string, data: unknown = null, headers?: Record<string, string>): ApiReply => ({
  status,
  code,
  message,
  data,
  headers,
});

export const notFound = (what: string) => refuse(404, "NOT_FOUND", `No such ${what} here. Check the id (list them first).`);

export function toResponse(reply: ApiReply): Response {
  const body = { success: reply.status < 400, status: reply.status, code: reply.code, message: reply.message, data: reply.data };
  return Response.json(body, { status: reply.status, headers: { "cache-control": "no-store", ...reply.headers } });
}

/** The envelope as the OpenAPI document describes it, around a route's own data. */
export function envelopeOf<T extends z.ZodType>(data: T) {
  return z.object({
    success: z.boolean(),
    status: z.number().int(),
    code: z.string().meta({ description: "OK, CREATED, or an error code such as VALIDATION_FAILED" }),
    message: z.string(),
    data,
  });
}

export const errorEnvelope = envelopeOf(
  z
    .object({ fields: z.record(z.string(), z.string()).optional().meta({ description: "For VALIDATION_FAILED: each invalid field's path and what to fix" }) })
    .passthrough()
    .nullable(),
).meta({ id: "Error" });

/** zod issues as { "path.to.field": "what to fix" }, the first message per field. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "(body)"] ??= issue.message;
  return fields;
}

export const validationFailed = (fields: Record<string, string>, message?: string) =>
  refuse(422, "VALIDATION_FAILED", message ?? `Check ${Object.keys(fields).join(", ")}: ${Object.values(fields)[0] ?? "invalid value"}`, { fields });
