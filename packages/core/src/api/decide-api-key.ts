import type { ApiKeyScope } from "@gatehouse/db";
import { enforcesSsoFor, type MembershipEnforcement } from "../enforcement/decide-sign-in-policy";

export type ApiKeyState = "active" | "revoked" | "expired";

/** Whether a stored key may be used now. Pure. */
export function apiKeyState(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyState {
  if (key.revokedAt && key.revokedAt <= now) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

/** last_used_at is written at most once a minute, so a busy key costs no write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function isLastUsedStale(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A read key may only read; a write key may do anything its holder's role allows. Pure. */
export function scopeAllows(scope: ApiKeyScope, method: string): boolean {
  return scope === "write" || READ_METHODS.has(method.toUpperCase());
}

export type IdempotencyDecision = "proceed" | "replay" | "body_mismatch" | "in_progress";

/**
 * What to do with a POST carrying an Idempotency-Key, given what is stored under that key (null:
 * nothing yet). The same body replays the stored answer; another body is refused (422), as is a
 * retry while the first request is still running (409). Pure.
 */
export function decideIdempotency(stored: { requestHash: string; status: number | null } | null, requestHash: string): IdempotencyDecision {
  if (!stored) return "proceed";
  if (stored.requestHash !== requestHash) return "body_mismatch";
  return stored.status === null ? "in_progress" : "replay";
}

/**
 * May a personal access token act in its account under that account's SSO enforcement? A token
 * acts as its member, so it may do only what the member's sign-in could: where the account
 * requires SSO of them now (not exempt, not suspended), only a token made in a session signed in
 * through that account's SSO works. PATs skip MFA (Seed 003), never SSO enforcement. Pure.
 */
export function personalTokenUnderSso(input: { membership: MembershipEnforcement | null; createdThroughSso: boolean; now: Date }): "allow" | "sso_required" {
  if (!input.membership || !enforcesSsoFor(input.membership, input.now)) return "allow";
  return input.createdThroughSso ? "allow" : "sso_required";
}
