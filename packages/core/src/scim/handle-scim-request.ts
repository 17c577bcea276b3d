import { accounts, and, eq, gt, scimDirectories, scimRequestLog, ssoConnections } from "@gatehouse/db";
import { nowOf, type CoreContext } from "../context";
import { markScimTokenUsed, verifyScimToken } from "./tokens";
import { countScimRequest, SCIM_RATE_LIMIT_PER_MINUTE } from "./rate-limit";
import { writeScimRequestLog } from "./request-log";
import { ScimRequestError, scimErrorBody, scimFailure, type ScimFailure } from "./scim-error";
import type { ScimDirectoryInfo, ScimReply, ScimSession } from "./scim-session";
import { createScimUser, deleteScimUser, getScimUser, listScimUsers, patchScimUser, replaceScimUser } from "./user-endpoints";
import { createScimGroup, deleteScimGroup, getScimGroup, listScimGroups, patchScimGroup, replaceScimGroup } from "./group-endpoints";
import { listOf, resourceTypes, schemas, serviceProviderConfig } from "./discovery";

/** Request bodies above this many bytes are refused with 413. */
export const SCIM_MAX_BODY_BYTES = 1_048_576;
export const SCIM_CONTENT_TYPE = "application/scim+json";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ScimRequestOptions = {
  directoryId: string;
  /** Path segments after `/scim/v2/<directoryId>/`, e.g. ["Users", "<id>"]. */
  path: string[];
  /** `<app>/scim/v2/<directoryId>`, for meta.location. */
  baseUrl: string;
  ip: string | null;
  rateLimitPerMinute?: number;
};

/**
 * One SCIM request, start to end: bearer check for this directory, enabled check, per-token rate
 * limit, body limit and JSON parsing, the endpoint in one transaction, emails after commit, and
 * a request-log row. Takes and returns web-standard Request/Response so the route is one line and
 * tests and the bench can call it in-process.
 */
export async function handleScimRequest(ctx: CoreContext, request: Request, opts: ScimRequestOptions): Promise<Response> {
  const now = nowOf(ctx);
  const method = request.method.toUpperCase();
  const url = new URL(request.url);
  const logPath = `/${opts.path.join("/")}${url.search}`;
  if (!UUID.test(opts.directoryId)) return respond({ status: 401, body: scimErrorBody(scimFailure(401, "Unknown SCIM directory or invalid token.")) });
  const [directory] = await ctx.db
    .select({
      id: scimDirectories.id,
      accountId: scimDirectories.accountId,
      accountName: accounts.name,
      connectionId: scimDirectories.connectionId,
      connectionName: ssoConnections.name,
      defaultRole: scimDirectories.defaultRole,
      enabled: scimDirectories.enabled,
    })
    .from(scimDirectories)
    .innerJoin(ssoConnections, eq(ssoConnections.id, scimDirectories.connectionId))
    .innerJoin(accounts, eq(accounts.id, scimDirectories.accountId))
    .where(and(eq(scimDirectories.id, opts.directoryId)))
    .limit(1);
  if (!directory) return respond({ status: 401, body: scimErrorBody(scimFailure(401, "Unknown SCIM directory or invalid token.")) });

  let body: unknown;
  const log = async (reply: ScimReply, summary: string | null) => {
    const error = reply.status >= 400 && reply.body && typeof reply.body === "object" ? describeError(reply.body as Record<string, unknown>) : null;
    try {
      await writeScimRequestLog(ctx.db, { directoryId: directory.id, at: now, method, path: logPath, status: reply.status, summary, error, body });
    } catch (e) {
      console.warn("scim: request log write failed", e);
    }
    return respond(reply);
  };
  const fail = (f: ScimFailure) => log({ status: f.status, body: scimErrorBody(f), headers: f.headers }, null);

  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  const token = bearer ? await verifyScimToken(ctx.db, directory.id, bearer, now) : null;
  if (!token) {
    const f = scimFailure(
      401,
      bearer
        ? "The bearer token is not valid for this directory (unknown, revoked, rotated past its grace period, or another directory's)."
        : "Send the directory's token as Authorization: Bearer <token>.",
    );
    // Anyone can send unauthenticated requests: log at most one 401 a minute per directory so they cannot flood the log.
    const [recent] = await ctx.db
      .select({ id: scimRequestLog.id })
      .from(scimRequestLog)
      .where(and(eq(scimRequestLog.directoryId, directory.id), eq(scimRequestLog.status, 401), gt(scimRequestLog.at, new Date(now.getTime() - 60_000))))
      .limit(1);
    return recent ? respond({ status: 401, body: scimErrorBody(f) }) : fail(f);
  }
  if (!directory.enabled) return fail(scimFailure(403, "SCIM is turned off for this directory. An admin can turn it on in the connection's SCIM settings."));
  const rate = await countScimRequest(ctx.db, token.id, opts.rateLimitPerMinute ?? SCIM_RATE_LIMIT_PER_MINUTE, now);
  if (!rate.allowed)
    return fail({
      status: 429,
      detail: `Too many requests for this token; retry after ${rate.retryAfterSeconds} seconds.`,
      headers: { "Retry-After": String(rate.retryAfterSeconds) },
    });
  await markScimTokenUsed(ctx.db, token, now);

  if (method === "POST" || method === "PUT" || method === "PATCH") {
    const read = await readJsonBody(request);
    if (!read.ok) return fail(read.failure);
    body = read.body;
  }

  const info: ScimDirectoryInfo = {
    id: directory.id,
    accountId: directory.accountId,
    accountName: directory.accountName,
    connectionId: directory.connectionId,
    connectionName: directory.connectionName,
    defaultRole: directory.defaultRole,
  };
  const afterCommit: Array<() => Promise<void>> = [];
  const changes: string[] = [];
  let reply: ScimReply;
  try {
    reply = await ctx.db.transaction(async (tx) => {
      const session: ScimSession = {
        ctx,
        tx,
        directory: info,
        actor: { userId: null, label: `SCIM (${directory.connectionName})`, ip: opts.ip },
        now,
        baseUrl: opts.baseUrl,
        changes,
        afterCommit,
      };
      return route(session, method, opts.path, url.searchParams, body);
    });
  } catch (e) {
    changes.length = 0;
    afterCommit.length = 0;
    if (e instanceof ScimRequestError) return fail(e.failure);
    if (isUniqueViolation(e))
      return fail(
        scimFailure(
          409,
          "Another request created the same userName, externalId or email at the same moment; this one was not applied. Look the User up by filter.",
          "uniqueness",
        ),
      );
    console.error("scim: request failed", e);
    return fail(scimFailure(500, "The request failed on our side; nothing was changed. Retry later."));
  }
  for (const job of afterCommit) {
    try {
      await job();
    } catch (e) {
      console.warn("scim: after-commit step failed", e);
    }
  }
  return log(reply, changes.length > 0 ? capitalise(changes.join("; ")) : null);
}

function route(s: ScimSession, method: string, path: string[], query: URLSearchParams, body: unknown): Promise<ScimReply> | ScimReply {
  const [resource, id, ...rest] = path;
  const notAllowed = () => {
    throw new ScimRequestError(scimFailure(405, `${method} is not supported on /${path.join("/")}.`));
  };
  if (rest.length > 0) throw new ScimRequestError(scimFailure(404, `No such SCIM endpoint: /${path.join("/")}.`));
  switch (resource) {
    case "ServiceProviderConfig":
      if (method !== "GET" || id) return notAllowed();
      return { status: 200, body: serviceProviderConfig(s.baseUrl) };
    case "ResourceTypes": {
      if (method !== "GET") return notAllowed();
      const all = resourceTypes(s.baseUrl);
      return one(all, id, "ResourceType");
    }
    case "Schemas": {
      if (method !== "GET") return notAllowed();
      return one(schemas(s.baseUrl), id, "Schema");
    }
    case "Users":
      if (!id) {
        if (method === "POST") return createScimUser(s, body);
        if (method === "GET") return listScimUsers(s, query);
        return notAllowed();
      }
      if (method === "GET") return getScimUser(s, id);
      if (method === "PUT") return replaceScimUser(s, id, body);
      if (method === "PATCH") return patchScimUser(s, id, body);
      if (method === "DELETE") return deleteScimUser(s, id);
      return notAllowed();
    case "Groups":
      if (!id) {
        if (method === "POST") return createScimGroup(s, body);
        if (method === "GET") return listScimGroups(s, query);
        return notAllowed();
      }
      if (method === "GET") return getScimGroup(s, id);
      if (method === "PUT") return replaceScimGroup(s, id, body);
      if (method === "PATCH") return patchScimGroup(s, id, body);
      if (method === "DELETE") return deleteScimGroup(s, id);
      return notAllowed();
    default:
      throw new ScimRequestError(
        scimFailure(
          404,
          `No such SCIM endpoint: /${path.join("/")}. This directory serves /Users, /Groups, /ServiceProviderConfig, /ResourceTypes and /Schemas.`,
        ),
      );
  }
}

function one(items: Array<{ id: string }>, id: string | undefined, kind: string): ScimReply {
  if (!id) return { status: 200, body: listOf(items) };
  const found = items.find((i) => i.id === id);
  if (!found) throw new ScimRequestError(scimFailure(404, `No ${kind} ${id.slice(0, 100)}.`));
  return { status: 200, body: found };
}

type BodyRead = { ok: true; body: unknown } | { ok: false; failure: ScimFailure };

/** Reads at most 1 MB (streamed, so a lying or missing Content-Length cannot make us buffer more) and parses JSON. */
async function readJsonBody(request: Request): Promise<BodyRead> {
  const tooLarge: BodyRead = { ok: false, failure: scimFailure(413, `The request body is over ${SCIM_MAX_BODY_BYTES} bytes (1 MB).`) };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > SCIM_MAX_BODY_BYTES) return tooLarge;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && type !== SCIM_CONTENT_TYPE && type !== "application/json")
    return { ok: false, failure: scimFailure(415, `Send the body as ${SCIM_CONTENT_TYPE} (application/json is accepted too), not ${type}.`) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > SCIM_MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
        return tooLarge;
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { ok: false, failure: scimFailure(400, "The request body is empty; send a JSON object.", "invalidSyntax") };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (e) {
    return { ok: false, failure: scimFailure(400, `The request body is not valid JSON: ${(e as Error).message.slice(0, 200)}`, "invalidSyntax") };
  }
}

function respond(reply: ScimReply): Response {
  const headers = new Headers(reply.headers);
  if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
  headers.set("Content-Type", `${SCIM_CONTENT_TYPE}; charset=utf-8`);
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}

function describeError(body: Record<string, unknown>): string | null {
  if (typeof body.detail !== "string") return null;
  return typeof body.scimType === "string" ? `${body.scimType}: ${body.detail}` : body.detail;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if ((cur as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
