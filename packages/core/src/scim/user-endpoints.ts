import { and, eq, scimUsers, sql } from "@gatehouse/db";
import { scimPatch, ScimError as PatchLibraryError } from "scim-patch";
import { recordAuditEvent } from "../audit";
import { activateMember, deactivateMember, resolveUserForScim, updateUserProfile } from "./member-sync";
import { normalisePatch } from "./normalise-patch";
import { planUserQuery } from "./filter-users";
import { ScimRequestError, scimFailure } from "./scim-error";
import type { ScimReply, ScimSession } from "./scim-session";
import { LIST_SCHEMA, readScimUser, renderScimUser, type ScimUserFields, type StoredScimUser } from "./user-resource";

/** Most users one list answers; a filter that is not a key lookup is tested over at most this many. */
export const SCIM_MAX_PAGE = 200;
export const SCIM_MAX_IN_MEMORY_FILTER = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const fieldsOrFail = (body: unknown): ScimUserFields => {
  const read = readScimUser(body);
  if (!read.ok) throw new ScimRequestError(scimFailure(400, read.error, "invalidValue"));
  return read.value;
};

/** POST /Users: a new SCIM User, linked to a user and (if active) made a member. */
export async function createScimUser(s: ScimSession, body: unknown): Promise<ScimReply> {
  const fields = fieldsOrFail(body);
  const { tx, directory } = s;
  const clash = await tx
    .select({ id: scimUsers.id })
    .from(scimUsers)
    .where(
      and(
        eq(scimUsers.directoryId, directory.id),
        sql`(lower(${scimUsers.userName}) = lower(${fields.userName})${fields.externalId ? sql` or ${scimUsers.externalId} = ${fields.externalId}` : sql``})`,
      ),
    )
    .limit(1);
  if (clash.length > 0)
    throw new ScimRequestError(
      scimFailure(
        409,
        `A User with userName ${fields.userName}${fields.externalId ? ` or externalId ${fields.externalId}` : ""} already exists in this directory.`,
        "uniqueness",
      ),
    );
  const linked = await resolveUserForScim(s, fields);
  const [linkedElsewhere] = await tx
    .select({ id: scimUsers.id })
    .from(scimUsers)
    .where(and(eq(scimUsers.directoryId, directory.id), eq(scimUsers.userId, linked.userId)))
    .limit(1);
  if (linkedElsewhere)
    throw new ScimRequestError(
      scimFailure(409, `${fields.email} is already provisioned in this directory as another User (id ${linkedElsewhere.id}).`, "uniqueness"),
    );
  if (!linked.created) await updateUserProfile(s, linked.userId, fields);
  const [row] = await tx
    .insert(scimUsers)
    .values({
      directoryId: directory.id,
      userId: linked.userId,
      userName: fields.userName,
      externalId: fields.externalId,
      active: fields.active,
      resource: fields.resource,
      createdAt: s.now,
      updatedAt: s.now,
    })
    .returning();
  await recordAuditEvent(tx, {
    accountId: directory.accountId,
    actor: s.actor,
    action: "scim.user_created",
    target: { type: "user", id: linked.userId, label: fields.email },
    metadata: { scimUserId: row!.id, externalId: fields.externalId, active: fields.active },
  });
  s.changes.unshift(`created ${fields.userName}${fields.active ? "" : " (inactive)"}`);
  if (fields.active) await activateMember(s, row!.id, linked.userId, fields.email, null);
  return { status: 201, body: renderScimUser(row!, s.baseUrl), headers: { Location: `${s.baseUrl}/Users/${row!.id}`, ETag: `W/"${row!.version}"` } };
}

async function loadForUpdate(s: ScimSession, id: string) {
  if (!UUID.test(id)) throw notFound(id);
  // FOR UPDATE: parallel PATCHes of one User apply one after the other, none is lost.
  const [row] = await s.tx
    .select()
    .from(scimUsers)
    .where(and(eq(scimUsers.id, id), eq(scimUsers.directoryId, s.directory.id)))
    .for("update")
    .limit(1);
  if (!row) throw notFound(id);
  return row;
}

const notFound = (id: string) => new ScimRequestError(scimFailure(404, `No User with id ${id.slice(0, 64)} in this directory.`));

/** GET /Users/:id. Another directory's id is a 404, like an unknown one. */
export async function getScimUser(s: ScimSession, id: string): Promise<ScimReply> {
  if (!UUID.test(id)) throw notFound(id);
  const [row] = await s.tx
    .select()
    .from(scimUsers)
    .where(and(eq(scimUsers.id, id), eq(scimUsers.directoryId, s.directory.id)))
    .limit(1);
  if (!row) throw notFound(id);
  return { status: 200, body: renderScimUser(row, s.baseUrl), headers: { ETag: `W/"${row.version}"` } };
}

/** GET /Users?filter=…&startIndex=…&count=… (RFC 7644 §3.4.2). */
export async function listScimUsers(s: ScimSession, query: URLSearchParams): Promise<ScimReply> {
  const plan = planUserQuery(query.get("filter"));
  if (!plan.ok) throw new ScimRequestError(scimFailure(400, plan.error, "invalidFilter"));
  const startIndex = Math.max(1, Number.parseInt(query.get("startIndex") ?? "1", 10) || 1);
  const countParam = query.get("count");
  const count = Math.min(SCIM_MAX_PAGE, Math.max(0, countParam === null ? 100 : Number.parseInt(countParam, 10) || 0));
  const base = eq(scimUsers.directoryId, s.directory.id);
  const q = plan.value;
  let rows: StoredScimUser[];
  let total: number;
  if (q.kind === "memory") {
    const all = await s.tx
      .select()
      .from(scimUsers)
      .where(base)
      .orderBy(scimUsers.createdAt, scimUsers.id)
      .limit(SCIM_MAX_IN_MEMORY_FILTER + 1);
    if (all.length > SCIM_MAX_IN_MEMORY_FILTER)
      throw new ScimRequestError(
        scimFailure(400, `This directory has more than ${SCIM_MAX_IN_MEMORY_FILTER} users: filter by userName eq or externalId eq.`, "tooMany"),
      );
    const matching = all.filter((r) => q.test(renderScimUser(r, s.baseUrl)));
    total = matching.length;
    rows = matching.slice(startIndex - 1, startIndex - 1 + count);
  } else {
    const where =
      q.kind === "all"
        ? base
        : q.kind === "userName"
          ? and(base, sql`lower(${scimUsers.userName}) = lower(${q.value})`)
          : and(base, eq(scimUsers.externalId, q.value));
    const [counted] = await s.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(scimUsers)
      .where(where);
    total = counted?.n ?? 0;
    rows =
      count === 0
        ? []
        : await s.tx
            .select()
            .from(scimUsers)
            .where(where)
            .orderBy(scimUsers.createdAt, scimUsers.id)
            .offset(startIndex - 1)
            .limit(count);
  }
  return {
    status: 200,
    body: { schemas: [LIST_SCHEMA], totalResults: total, startIndex, itemsPerPage: rows.length, Resources: rows.map((r) => renderScimUser(r, s.baseUrl)) },
  };
}

/** PUT /Users/:id: the body replaces the resource (Okta sends whole Users, `active:false` to deactivate). */
export async function replaceScimUser(s: ScimSession, id: string, body: unknown): Promise<ScimReply> {
  const row = await loadForUpdate(s, id);
  return saveUser(s, row, fieldsOrFail(body), "replaced");
}

/** PATCH /Users/:id: IdP quirks normalised, then applied by scim-patch to the current resource. */
export async function patchScimUser(s: ScimSession, id: string, body: unknown): Promise<ScimReply> {
  const ops = normalisePatch(body);
  if (!ops.ok) throw new ScimRequestError(scimFailure(400, ops.error, "invalidSyntax"));
  const row = await loadForUpdate(s, id);
  const current = renderScimUser(row, s.baseUrl);
  let patched: Record<string, unknown>;
  try {
    patched = scimPatch(current as never, ops.value as never, { mutateDocument: false, treatMissingAsAdd: true }) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof PatchLibraryError)
      throw new ScimRequestError(
        scimFailure(400, `The PATCH could not be applied: ${e.message}`, (e as { scimType?: string }).scimType === "noTarget" ? "noTarget" : "invalidPath"),
      );
    throw e;
  }
  return saveUser(s, row, fieldsOrFail(patched), "patched");
}

async function saveUser(s: ScimSession, row: typeof scimUsers.$inferSelect, fields: ScimUserFields, verb: "replaced" | "patched"): Promise<ScimReply> {
  const { tx, directory } = s;
  const clash = await tx
    .select({ id: scimUsers.id })
    .from(scimUsers)
    .where(
      and(
        eq(scimUsers.directoryId, directory.id),
        sql`${scimUsers.id} <> ${row.id}`,
        sql`(lower(${scimUsers.userName}) = lower(${fields.userName})${fields.externalId ? sql` or ${scimUsers.externalId} = ${fields.externalId}` : sql``})`,
      ),
    )
    .limit(1);
  if (clash.length > 0)
    throw new ScimRequestError(
      scimFailure(
        409,
        `Another User of this directory (id ${clash[0]!.id}) already has userName ${fields.userName}${fields.externalId ? ` or externalId ${fields.externalId}` : ""}.`,
        "uniqueness",
      ),
    );
  let userId = row.userId;
  if (!userId)
    userId = (await resolveUserForScim(s, fields)).userId; // our user was deleted meanwhile
  else await updateUserProfile(s, userId, fields);
  const [saved] = await tx
    .update(scimUsers)
    .set({
      userId,
      userName: fields.userName,
      externalId: fields.externalId,
      active: fields.active,
      resource: fields.resource,
      version: row.version + 1,
      updatedAt: s.now,
    })
    .where(eq(scimUsers.id, row.id))
    .returning();
  if (row.active && !fields.active) await deactivateMember(s, row.id, userId, fields.email, "deactivated");
  else if (!row.active && fields.active) await activateMember(s, row.id, userId, fields.email, row.previousRole ?? null);
  else if (fields.active && !row.userId) await activateMember(s, row.id, userId, fields.email, null);
  if (s.changes.length === 0) s.changes.push(`${verb} ${fields.userName} (no membership change)`);
  else s.changes.unshift(`${verb} ${fields.userName}`);
  await recordAuditEvent(tx, {
    accountId: directory.accountId,
    actor: s.actor,
    action: "scim.user_updated",
    target: { type: "user", id: userId, label: fields.email },
    metadata: { scimUserId: row.id, active: fields.active, how: verb },
  });
  const fresh = { ...saved!, previousRole: undefined };
  return { status: 200, body: renderScimUser(fresh, s.baseUrl), headers: { ETag: `W/"${saved!.version}"` } };
}

/** DELETE /Users/:id: the member leaves the account; the SCIM User is gone, so a later POST re-creates it. */
export async function deleteScimUser(s: ScimSession, id: string): Promise<ScimReply> {
  const row = await loadForUpdate(s, id);
  if (row.userId) await deactivateMember(s, row.id, row.userId, row.userName, "deleted");
  await s.tx.delete(scimUsers).where(eq(scimUsers.id, row.id));
  await recordAuditEvent(s.tx, {
    accountId: s.directory.accountId,
    actor: s.actor,
    action: "scim.user_deleted",
    target: { type: "user", id: row.userId ?? row.id, label: row.userName },
    metadata: { scimUserId: row.id },
  });
  s.changes.unshift(`deleted ${row.userName}`);
  return { status: 204 };
}
