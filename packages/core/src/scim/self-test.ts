import { randomBytes } from "node:crypto";
import { eq, scimTokens } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { fail, ok, type Result } from "../result";
import { isAccountAdmin } from "../team";
import { getScimDirectory, scimBaseUrl } from "./directories";
import { issueScimToken, revokeScimToken } from "./tokens";

// A one-click conformance check: the requests an IdP's "Test Connection" makes (JumpCloud creates
// and deletes a test user), written to the RFC 7644 contract rather than to our implementation.

const SCIM_JSON = "application/scim+json";
const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
/** The self-test's token works for this long even if revoking it afterwards fails. */
const SELF_TEST_TOKEN_MINUTES = 5;
const REQUEST_TIMEOUT_MS = 10_000;

export type SelfTestStepId = "config" | "create" | "filter" | "patch" | "deactivate" | "delete";
export type SelfTestStep = {
  id: SelfTestStepId;
  label: string;
  status: "pass" | "fail" | "skipped";
  method: string;
  path: string;
  /** The HTTP status we got back, if the request was sent. */
  httpStatus: number | null;
  /** What was expected and what was wrong, in a sentence. */
  detail: string;
  /** The SCIM error the endpoint sent (scimType: detail), if any. */
  scimError: string | null;
};
export type SelfTestReport = { ok: boolean; baseUrl: string; userName: string; steps: SelfTestStep[]; ranAt: Date };

type Response_ = { status: number; contentType: string; body: unknown };
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** RFC 7644 §3.12 error body as one line: "uniqueness: userName is taken", or null. */
export function scimErrorOf(body: unknown): string | null {
  if (!isObject(body)) return null;
  const schemas = Array.isArray(body.schemas) ? body.schemas : [];
  if (!schemas.includes(ERROR_SCHEMA) && body.detail === undefined) return null;
  const detail = typeof body.detail === "string" ? body.detail : "no detail";
  return typeof body.scimType === "string" && body.scimType ? `${body.scimType}: ${detail}` : detail;
}

/** A throwaway userName nobody has: the reserved .invalid TLD (RFC 2606) never receives mail. */
export const selfTestUserName = () => `scim-self-test-${randomBytes(6).toString("hex")}@self-test.invalid`;

/**
 * Runs create → filter → PATCH → deactivate → delete against a SCIM base URL with a bearer token
 * and reports each step. A failed step skips the ones that need its result; a created user is
 * always deleted again.
 */
export async function runScimConformanceSteps(input: { baseUrl: string; token: string; userName: string; fetchImpl?: typeof fetch }): Promise<SelfTestStep[]> {
  const fetchImpl = input.fetchImpl ?? fetch;
  const steps: SelfTestStep[] = [];

  async function call(method: string, path: string, body?: unknown): Promise<Response_ | Error> {
    try {
      const res = await fetchImpl(`${input.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${input.token}`, accept: SCIM_JSON, ...(body === undefined ? {} : { "content-type": SCIM_JSON }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: "manual",
      });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: res.status, contentType: res.headers.get("content-type") ?? "", body: parsed };
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Sends one request and records the step; `check` returns null when the answer is right, else what is wrong. */
  async function step(
    id: SelfTestStepId,
    label: string,
    method: string,
    path: string,
    body: unknown,
    check: (r: Response_) => string | null | Promise<string | null>,
  ) {
    const res = await call(method, path, body);
    if (res instanceof Error) {
      steps.push({ id, label, status: "fail", method, path, httpStatus: null, detail: `The request did not complete: ${res.message}`, scimError: null });
      return null;
    }
    const scimError = res.status >= 400 ? scimErrorOf(res.body) : null;
    let problem = await check(res);
    if (!problem && res.body !== null && res.status !== 204 && !res.contentType.toLowerCase().includes(SCIM_JSON)) {
      problem = `The response's Content-Type is "${res.contentType || "missing"}", not ${SCIM_JSON} (RFC 7644 §3.1).`;
    }
    steps.push({ id, label, status: problem ? "fail" : "pass", method, path, httpStatus: res.status, detail: problem ?? "As expected.", scimError });
    return problem ? null : res;
  }

  const skip = (id: SelfTestStepId, label: string, method: string, path: string) =>
    steps.push({ id, label, status: "skipped", method, path, httpStatus: null, detail: "Skipped: an earlier step failed.", scimError: null });

  const expectStatus = (r: Response_, ...wanted: number[]) => (wanted.includes(r.status) ? null : `Expected HTTP ${wanted.join(" or ")}, got ${r.status}.`);

  await step("config", "Read ServiceProviderConfig", "GET", "/ServiceProviderConfig", undefined, (r) => {
    const wrong = expectStatus(r, 200);
    if (wrong) return wrong;
    return isObject(r.body) && isObject(r.body.patch) && r.body.patch.supported === true ? null : "ServiceProviderConfig does not say PATCH is supported.";
  });

  const created = await step(
    "create",
    "Create a throwaway user",
    "POST",
    "/Users",
    {
      schemas: [USER_SCHEMA],
      userName: input.userName,
      name: { givenName: "Self", familyName: "Test" },
      emails: [{ value: input.userName, type: "work", primary: true }],
      active: true,
    },
    (r) => {
      const wrong = expectStatus(r, 201);
      if (wrong) return wrong;
      if (!isObject(r.body) || typeof r.body.id !== "string" || !r.body.id) return "The created user has no id.";
      if (typeof r.body.userName !== "string" || r.body.userName.toLowerCase() !== input.userName.toLowerCase())
        return "The created user's userName is not the one sent.";
      return null;
    },
  );
  const userId = created && isObject(created.body) ? String(created.body.id) : null;
  const userPath = userId ? `/Users/${encodeURIComponent(userId)}` : "/Users/{id}";

  /** PATCH answers 200 with the resource or 204 without (RFC 7644 §3.5.2); in the latter case read it back. */
  async function resourceAfter(r: Response_): Promise<Json | string> {
    if (r.status === 200 && isObject(r.body)) return r.body;
    if (r.status !== 204) return `Expected HTTP 200 or 204, got ${r.status}.`;
    const read = await call("GET", userPath);
    if (read instanceof Error) return `Reading the user back failed: ${read.message}`;
    return read.status === 200 && isObject(read.body) ? read.body : `Reading the user back answered HTTP ${read.status}.`;
  }

  if (!userId) {
    skip("filter", "Find the user by userName", "GET", "/Users?filter=…");
    skip("patch", "Change the user's name with PATCH", "PATCH", userPath);
    skip("deactivate", "Deactivate the user (active: false)", "PATCH", userPath);
    skip("delete", "Delete the user", "DELETE", userPath);
    return steps;
  }

  const filter = `userName eq "${input.userName}"`;
  await step("filter", "Find the user by userName", "GET", `/Users?filter=${encodeURIComponent(filter)}&startIndex=1&count=10`, undefined, (r) => {
    const wrong = expectStatus(r, 200);
    if (wrong) return wrong;
    if (!isObject(r.body) || !Array.isArray(r.body.schemas) || !r.body.schemas.includes(LIST_SCHEMA)) return "The answer is not a SCIM ListResponse.";
    const resources = Array.isArray(r.body.Resources) ? r.body.Resources : [];
    if (r.body.totalResults !== 1 || resources.length !== 1)
      return `Expected exactly one match, got totalResults ${String(r.body.totalResults)} with ${resources.length} resources.`;
    return isObject(resources[0]) && resources[0].id === userId ? null : "The match is not the user just created.";
  });

  await step(
    "patch",
    "Change the user's name with PATCH",
    "PATCH",
    userPath,
    { schemas: [PATCH_SCHEMA], Operations: [{ op: "replace", path: "name.givenName", value: "Patched" }] },
    async (r) => {
      const user = await resourceAfter(r);
      if (typeof user === "string") return user;
      return isObject(user.name) && user.name.givenName === "Patched" ? null : "name.givenName did not change to the value sent.";
    },
  );

  // Okta deactivates with a path-less replace of { active: false }.
  await step(
    "deactivate",
    "Deactivate the user (active: false)",
    "PATCH",
    userPath,
    { schemas: [PATCH_SCHEMA], Operations: [{ op: "replace", value: { active: false } }] },
    async (r) => {
      const user = await resourceAfter(r);
      if (typeof user === "string") return user;
      return user.active === false ? null : "The user is still active after the PATCH.";
    },
  );

  await step("delete", "Delete the user", "DELETE", userPath, undefined, async (r) => {
    const wrong = expectStatus(r, 204);
    if (wrong) return wrong;
    const gone = await call("GET", userPath);
    if (gone instanceof Error) return `Reading the deleted user failed: ${gone.message}`;
    return gone.status === 404 ? null : `The deleted user still answers HTTP ${gone.status} (expected 404).`;
  });

  // Whatever failed above, do not leave the throwaway user behind.
  if (steps.find((s) => s.id === "delete")?.status !== "pass") await call("DELETE", userPath);
  return steps;
}

/**
 * "Run self-test": issues a short-lived token, runs the conformance steps over HTTP against the
 * account's own endpoint, and revokes the token again. Audited with the outcome.
 */
export async function runScimSelfTest(
  ctx: CoreContext,
  input: { accountId: string; connectionId: string; actor: Actor; fetchImpl?: typeof fetch; baseUrl?: string },
): Promise<Result<SelfTestReport>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can manage SCIM provisioning.");
  const directory = await getScimDirectory(ctx.db, input.accountId, input.connectionId);
  if (!directory || !directory.enabled) return fail("SCIM is not switched on for this connection. Enable SCIM 2.0 first.");
  const now = nowOf(ctx);
  const issued = await issueScimToken(ctx.db, directory.id);
  await ctx.db
    .update(scimTokens)
    .set({ expiresAt: new Date(now.getTime() + SELF_TEST_TOKEN_MINUTES * 60_000) })
    .where(eq(scimTokens.id, issued.id));
  const baseUrl = input.baseUrl ?? scimBaseUrl(ctx.appUrl, directory.id);
  const userName = selfTestUserName();
  let steps: SelfTestStep[];
  try {
    steps = await runScimConformanceSteps({ baseUrl, token: issued.token, userName, fetchImpl: input.fetchImpl });
  } finally {
    await revokeScimToken(ctx.db, directory.id, issued.id, nowOf(ctx));
  }
  const passed = steps.every((s) => s.status === "pass");
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: input.actor,
    action: "scim.self_test_run",
    target: { type: "scim_directory", id: directory.id },
    metadata: { passed, failed: steps.filter((s) => s.status === "fail").map((s) => s.id) },
  });
  return ok({ ok: passed, baseUrl, userName, steps, ranAt: now });
}
