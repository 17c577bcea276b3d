/** RFC 7644 §3.12 error types we send. */
export type ScimType = "uniqueness" | "invalidFilter" | "invalidSyntax" | "invalidValue" | "invalidPath" | "noTarget" | "mutability" | "tooMany";

/** A SCIM error on its way out: the HTTP status, its scimType, and a sentence an admin can act on. */
export type ScimFailure = { status: number; scimType?: ScimType; detail: string; headers?: Record<string, string> };

export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export const scimFailure = (status: number, detail: string, scimType?: ScimType): ScimFailure => ({ status, detail, scimType });

/** The RFC 7644 error body; `status` is a string there (§3.12). */
export function scimErrorBody(f: ScimFailure) {
  return { schemas: [ERROR_SCHEMA], status: String(f.status), ...(f.scimType ? { scimType: f.scimType } : {}), detail: f.detail };
}

/** Thrown inside a request's transaction to roll it back and answer with this error. */
export class ScimRequestError extends Error {
  constructor(readonly failure: ScimFailure) {
    super(failure.detail);
  }
}
