import { randomBytes } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { ensureAccount, ensureMember, issueApiKey, issueApiKeyAsOperator } from "@gatehouse/core";
import type { ApiKeyScope, Database } from "@gatehouse/db";
import { expect, PASSWORD } from "../support/fixtures";

export type Envelope<T = unknown> = { success: boolean; status: number; code: string; message: string; data: T };

/** An account key made as the operator CLI makes one. */
export async function accountKey(db: Database, accountId: string, scope: ApiKeyScope = "write", name = "e2e key") {
  const issued = await issueApiKeyAsOperator({ db }, { accountId, name, scope, actor: { userId: null, label: "e2e", ip: null } });
  if (!issued.ok) throw new Error(issued.error);
  return issued.value;
}

/** A member's personal access token, as they would create it in the console. */
export async function personalToken(db: Database, accountId: string, user: { id: string; email: string }, scope: ApiKeyScope = "write") {
  const issued = await issueApiKey({ db }, { accountId, kind: "personal", name: "e2e token", scope, actor: { userId: user.id, label: user.email, ip: null } });
  if (!issued.ok) throw new Error(issued.error);
  return issued.value;
}

/** A second, unrelated account with its own admin (for "another account's id is a 404"). */
export async function otherAccount(db: Database) {
  const tag = randomBytes(4).toString("hex");
  const account = await ensureAccount(db, { name: `Other ${tag}`, slug: `other-${tag}` });
  await ensureMember(db, { accountId: account.id, email: `other-${tag}@e2e.test`, name: `Other ${tag}`, role: "admin", password: PASSWORD });
  return account;
}

/** Reads the envelope and checks it agrees with the HTTP status. */
export async function envelope<T = unknown>(response: APIResponse, status: number, code?: string): Promise<Envelope<T>> {
  const body = (await response.json()) as Envelope<T>;
  expect({ http: response.status(), status: body.status, success: body.success }, body.message).toEqual({ http: status, status, success: status < 400 });
  if (code) expect(body.code).toBe(code);
  expect(typeof body.message).toBe("string");
  expect(body).toHaveProperty("data");
  return body;
}

/** A request context bound to one key. */
export function withKey(request: APIRequestContext, token: string) {
  const headers = { "X-Api-Key": token };
  return {
    get: (url: string) => request.get(url, { headers }),
    post: (url: string, data?: unknown, extra: Record<string, string> = {}) => request.post(url, { headers: { ...headers, ...extra }, data }),
    put: (url: string, data?: unknown) => request.put(url, { headers, data }),
    delete: (url: string) => request.delete(url, { headers }),
  };
}

export const orgUrl = (accountId: string, rest = "") => `/api/user/organizations/${accountId}${rest}`;
