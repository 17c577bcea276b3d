import { and, eq, inArray, scimGroups, scimUsers } from "@gatehouse/db";
import { scimPatch, ScimError as PatchLibraryError } from "scim-patch";
import { filter as compileFilter, parse } from "scim2-parse-filter";
import { recordAuditEvent } from "../audit";
import { normalisePatch } from "./normalise-patch";
import { ScimRequestError, scimFailure } from "./scim-error";
import type { ScimReply, ScimSession } from "./scim-session";
import { GROUP_SCHEMA, LIST_SCHEMA } from "./user-resource";
import { SCIM_MAX_PAGE } from "./user-endpoints";

// Groups are stored and shown; they never change roles (roles stay ours). Okta and Entra both
// push groups happily to an endpoint that stores them, so "group push" may stay on without errors.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type GroupRow = typeof scimGroups.$inferSelect;

function render(row: GroupRow, s: ScimSession) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    displayName: row.displayName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    members: row.memberIds.map((value) => ({ value, $ref: `${s.baseUrl}/Users/${value}` })),
    meta: { resourceType: "Group", created: row.createdAt.toISOString(), lastModified: row.updatedAt.toISOString(), location: `${s.baseUrl}/Groups/${row.id}` },
  };
}

/** The group's displayName, externalId and the member ids that are Users of this directory. */
async function readGroup(s: ScimSession, body: unknown) {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new ScimRequestError(scimFailure(400, "The Group must be a JSON object.", "invalidSyntax"));
  const b = body as Record<string, unknown>;
  const displayName = typeof b.displayName === "string" ? b.displayName.trim() : "";
  if (!displayName) throw new ScimRequestError(scimFailure(400, "displayName is required.", "invalidValue"));
  const wanted = Array.isArray(b.members)
    ? b.members.map((m) => (m && typeof m === "object" ? String((m as { value?: unknown }).value ?? "") : "")).filter((v) => UUID.test(v))
    : [];
  const known =
    wanted.length === 0
      ? []
      : await s.tx
          .select({ id: scimUsers.id })
          .from(scimUsers)
          .where(and(eq(scimUsers.directoryId, s.directory.id), inArray(scimUsers.id, wanted)));
  const knownIds = new Set(known.map((k) => k.id));
  return {
    displayName: displayName.slice(0, 300),
    externalId: b.externalId == null ? null : String(b.externalId),
    memberIds: [...new Set(wanted.filter((w) => knownIds.has(w)))],
  };
}

const notFound = (id: string) => new ScimRequestError(scimFailure(404, `No Group with id ${id.slice(0, 64)} in this directory.`));

async function load(s: ScimSession, id: string, lock: boolean) {
  if (!UUID.test(id)) throw notFound(id);
  const q = s.tx
    .select()
    .from(scimGroups)
    .where(and(eq(scimGroups.id, id), eq(scimGroups.directoryId, s.directory.id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound(id);
  return row;
}

async function audit(s: ScimSession, action: string, row: { id: string; displayName: string }, extra: Record<string, unknown> = {}) {
  await recordAuditEvent(s.tx, {
    accountId: s.directory.accountId,
    actor: s.actor,
    action,
    target: { type: "scim_group", id: row.id, label: row.displayName },
    metadata: extra,
  });
}

export async function createScimGroup(s: ScimSession, body: unknown): Promise<ScimReply> {
  const g = await readGroup(s, body);
  const [clash] = await s.tx
    .select({ id: scimGroups.id })
    .from(scimGroups)
    .where(and(eq(scimGroups.directoryId, s.directory.id), eq(scimGroups.displayName, g.displayName)))
    .limit(1);
  if (clash) throw new ScimRequestError(scimFailure(409, `A Group named ${g.displayName} already exists in this directory.`, "uniqueness"));
  const [row] = await s.tx
    .insert(scimGroups)
    .values({ directoryId: s.directory.id, ...g, createdAt: s.now, updatedAt: s.now })
    .returning();
  await audit(s, "scim.group_created", row!, { members: g.memberIds.length });
  s.changes.push(`created group ${g.displayName} (${g.memberIds.length} members; roles unchanged)`);
  return { status: 201, body: render(row!, s), headers: { Location: `${s.baseUrl}/Groups/${row!.id}` } };
}

export async function getScimGroup(s: ScimSession, id: string): Promise<ScimReply> {
  return { status: 200, body: render(await load(s, id, false), s) };
}

export async function listScimGroups(s: ScimSession, query: URLSearchParams): Promise<ScimReply> {
  let test: (r: unknown) => boolean = () => true;
  const f = query.get("filter");
  if (f) {
    try {
      test = compileFilter(parse(f));
    } catch {
      throw new ScimRequestError(scimFailure(400, `The filter ${JSON.stringify(f.slice(0, 200))} is not valid SCIM filter syntax.`, "invalidFilter"));
    }
  }
  const startIndex = Math.max(1, Number.parseInt(query.get("startIndex") ?? "1", 10) || 1);
  const count = Math.min(SCIM_MAX_PAGE, Math.max(0, Number.parseInt(query.get("count") ?? "100", 10) || 0));
  const rows = await s.tx.select().from(scimGroups).where(eq(scimGroups.directoryId, s.directory.id)).orderBy(scimGroups.createdAt, scimGroups.id).limit(5_000);
  const matching = rows.map((r) => render(r, s)).filter((r) => test(r));
  const page = matching.slice(startIndex - 1, startIndex - 1 + count);
  return { status: 200, body: { schemas: [LIST_SCHEMA], totalResults: matching.length, startIndex, itemsPerPage: page.length, Resources: page } };
}

export async function replaceScimGroup(s: ScimSession, id: string, body: unknown): Promise<ScimReply> {
  const row = await load(s, id, true);
  return save(s, row, await readGroup(s, body));
}

export async function patchScimGroup(s: ScimSession, id: string, body: unknown): Promise<ScimReply> {
  const ops = normalisePatch(body);
  if (!ops.ok) throw new ScimRequestError(scimFailure(400, ops.error, "invalidSyntax"));
  const row = await load(s, id, true);
  let patched: unknown;
  try {
    patched = scimPatch(render(row, s) as never, ops.value as never, { mutateDocument: false, treatMissingAsAdd: true });
  } catch (e) {
    if (e instanceof PatchLibraryError) throw new ScimRequestError(scimFailure(400, `The PATCH could not be applied: ${e.message}`, "invalidPath"));
    throw e;
  }
  return save(s, row, await readGroup(s, patched));
}

async function save(s: ScimSession, row: GroupRow, g: Awaited<ReturnType<typeof readGroup>>): Promise<ScimReply> {
  const [saved] = await s.tx
    .update(scimGroups)
    .set({ ...g, updatedAt: s.now })
    .where(eq(scimGroups.id, row.id))
    .returning();
  await audit(s, "scim.group_updated", saved!, { members: g.memberIds.length });
  s.changes.push(`updated group ${g.displayName} (${g.memberIds.length} members; roles unchanged)`);
  return { status: 200, body: render(saved!, s) };
}

export async function deleteScimGroup(s: ScimSession, id: string): Promise<ScimReply> {
  const row = await load(s, id, true);
  await s.tx.delete(scimGroups).where(eq(scimGroups.id, row.id));
  await audit(s, "scim.group_deleted", row);
  s.changes.push(`deleted group ${row.displayName}`);
  return { status: 204 };
}
