import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { claimIdempotencyKey, markApiKeyUsed, scopeAllows, settleIdempotencyKey } from "@gatehouse/core";
import { coreContext, db } from "@/server/context";
import { identifyCaller, type ApiAccount, type ApiCaller } from "./caller";
import { fieldsOf, notFound, refuse, toResponse, validationFailed, type ApiReply } from "./envelope";
import type { RouteSpec } from "./route-spec";

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export type ApiInput<S extends RouteSpec> = {
  caller: ApiCaller;
  /** The account named by `{id}` in the path, when the path has one (already checked: reachable by the caller). */
  account: ApiAccount;
  params: Out<S["params"]>;
  query: Out<S["query"]>;
  body: Out<S["body"]>;
  request: NextRequest;
};

type RouteContext = { params: Promise<Record<string, string>> };

const MAX_BODY_BYTES = 1_500_000;

/**
 * A route handler for one spec: the caller (401/429), the key's scope (403), the account in the
 * path (another account's id is a 404, so ids cannot be probed), the role (403), the body (400,
 * 422 naming the field), then Idempotency-Key on POST. Only then does `run` call core.
 */
export function apiRoute<S extends RouteSpec>(spec: S, run: (input: ApiInput<S>) => Promise<ApiReply>) {
  return async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
    try {
      return toResponse(await handle(spec, run, request, (await context?.params) ?? {}));
    } catch (error) {
      console.error(`[api] ${spec.method} ${spec.path} failed`, error);
      return toResponse(refuse(500, "INTERNAL_ERROR", "Something went wrong on our side. Try again; if it persists, contact your operator."));
    }
  };
}

async function handle<S extends RouteSpec>(
  spec: S,
  run: (input: ApiInput<S>) => Promise<ApiReply>,
  request: NextRequest,
  rawParams: Record<string, string>,
): Promise<ApiReply> {
  const identified = await identifyCaller(request);
  if (!identified.ok) return identified.reply;
  const { caller } = identified;
  if (!scopeAllows(caller.scope, request.method))
    return refuse(403, "INSUFFICIENT_SCOPE", "This API key is read-only. Create a key with the write scope to make changes.");

  let account: ApiAccount | undefined;
  if ("id" in rawParams) {
    account = caller.accounts.find((a) => a.id === rawParams.id);
    if (!account) return notFound("account");
    if (spec.adminOnly && account.role !== "admin") return refuse(403, "FORBIDDEN", "Only account admins can do this.");
  }
  const params = spec.params ? spec.params.safeParse(rawParams) : null;
  if (params && !params.success) return notFound(Object.keys(fieldsOf(params.error))[0]?.replace(/Id$/, "") ?? "resource");

  const query = spec.query ? spec.query.safeParse(Object.fromEntries(request.nextUrl.searchParams)) : null;
  if (query && !query.success) return validationFailed(fieldsOf(query.error));

  let rawBody = "";
  let body: { success: true; data: unknown } | null = null;
  if (spec.body) {
    rawBody = await request.text();
    if (rawBody.length > MAX_BODY_BYTES) return refuse(413, "BODY_TOO_LARGE", "The request body is over 1.5 MB.");
    let json: unknown;
    try {
      json = rawBody ? JSON.parse(rawBody) : {};
    } catch {
      return refuse(400, "INVALID_JSON", "The request body is not valid JSON. Send Content-Type: application/json with a JSON object.");
    }
    const parsed = spec.body.safeParse(json);
    if (!parsed.success) return validationFailed(fieldsOf(parsed.error));
    body = parsed;
  }

  // Every check passed: only now did the key make an accepted request.
  if (caller.key) await markApiKeyUsed(coreContext(), caller.key);
  const input = { caller, account: account as ApiAccount, params: params?.data, query: query?.data, body: body?.data, request } as ApiInput<S>;
  const idempotencyKey = request.method === "POST" ? request.headers.get("idempotency-key") : null;
  if (!idempotencyKey) return run(input);
  if (idempotencyKey.length > 255) return refuse(400, "INVALID_IDEMPOTENCY_KEY", "Use an Idempotency-Key of at most 255 characters, such as a UUID.");
  const requestHash = createHash("sha256").update(`${request.method} ${request.nextUrl.pathname}\n${rawBody}`).digest("hex");
  const claim = await claimIdempotencyKey(db(), { principal: caller.principal, key: idempotencyKey, requestHash });
  if (claim.outcome === "replay") return { ...(claim.response as ApiReply), headers: { "idempotent-replayed": "true" } };
  if (claim.outcome === "body_mismatch")
    return refuse(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used with another request body. Use a new key for a new request.");
  if (claim.outcome !== "proceed")
    return refuse(409, "IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running. Retry in a moment.", null, { "retry-after": "1" });
  let reply: ApiReply;
  try {
    reply = await run(input);
  } catch (error) {
    await settleIdempotencyKey(db(), claim.recordId, 500, null);
    throw error;
  }
  await settleIdempotencyKey(db(), claim.recordId, reply.status, { status: reply.status, code: reply.code, message: reply.message, data: reply.data });
  return reply;
}
