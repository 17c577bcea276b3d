import type { Database, MemberRole } from "@gatehouse/db";
import type { Actor, CoreContext } from "../context";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The directory a request is for, with what audit lines and emails need. */
export type ScimDirectoryInfo = { id: string; accountId: string; accountName: string; connectionId: string; connectionName: string; defaultRole: MemberRole };

/** One SCIM request's unit of work: its transaction, who acts, and what to do after commit. */
export type ScimSession = {
  ctx: CoreContext;
  tx: Tx;
  directory: ScimDirectoryInfo;
  actor: Actor;
  now: Date;
  /** `<app>/scim/v2/<directoryId>`, for meta.location. */
  baseUrl: string;
  /** Sentences for the request log ("Created ada@acme.test; added as Member"). */
  changes: string[];
  /** Work that must only happen once the transaction commits (emails). */
  afterCommit: Array<() => Promise<void>>;
};

/** What an endpoint answers. */
export type ScimReply = { status: number; body?: unknown; headers?: Record<string, string> };
