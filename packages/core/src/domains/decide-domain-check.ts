import type { DomainStatus } from "@gatehouse/db";
import type { DomainCheckCode } from "./check-domain-record";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Pending claims are re-checked this often… */
export const PENDING_RECHECK_MS = 15 * MINUTE;
/** …for this long, then stop (expired). Also how long a verified domain may miss its record. */
export const GRACE_MS = 72 * HOUR;
export const VERIFIED_RECHECK_MS = 24 * HOUR;
/** After a DNS fault on a verified domain: soon, but not every sweep. */
export const FAULT_RECHECK_MS = HOUR;

export type DomainCheckState = {
  status: DomainStatus;
  /** Pending: when the claim (re)started; verified: when the record was first seen missing. */
  missingSince: Date | null;
};

export type DomainCheckInput = DomainCheckState & {
  domain: string;
  now: Date;
  /** An admin clicked "Verify now" (restarts expired and lost claims) or the sweep re-checks. */
  trigger: "manual" | "scheduled";
  code: DomainCheckCode;
  /** Another account holds this domain verified; whether its own record is still published. */
  holder: { recordPresent: boolean } | null;
};

export type DomainCheckDecision = {
  status: DomainStatus;
  missingSince: Date | null;
  nextCheckAt: Date | null;
  /** Set when the domain becomes verified now. */
  verifiedAt: Date | null;
  /** Set when the domain becomes lost now: its admins are told. */
  lostAt: Date | null;
  /** The other account's verified row becomes lost (its record is gone and this claim proved ours). */
  takeOverFromHolder: boolean;
  /** A sentence for the page; null when all is well. */
  detail: string | null;
};

const FAILURE_TEXT: Record<Exclude<DomainCheckCode, "found">, (domain: string) => string> = {
  no_such_domain: (d) => `${d} does not exist in DNS (no such domain). Check the spelling, or register the domain first.`,
  no_txt_record: (d) => `No TXT record found at _gatehouse-challenge.${d}. Publish the record below; DNS changes can take a few minutes to appear.`,
  other_value: (d) => `A TXT record exists at _gatehouse-challenge.${d} but with another value. Replace it with the exact value below.`,
  timeout: (d) => `The DNS servers did not answer in time for ${d}. Try again in a few minutes.`,
  dns_error: (d) => `The DNS lookup for ${d} failed (the server refused or could not answer). Try again in a few minutes.`,
};

/** The sentence shown for a failed check code. */
export const describeCheckFailure = (code: Exclude<DomainCheckCode, "found">, domain: string) => FAILURE_TEXT[code](domain);

const isFault = (code: DomainCheckCode) => code === "timeout" || code === "dns_error";
const after = (now: Date, ms: number) => new Date(now.getTime() + ms);

/**
 * The state machine of a domain claim: given its state, what one DNS check found and when,
 * the new status and when to look again. Pure; `applyDomainCheck` does the I/O.
 */
export function decideDomainCheck(input: DomainCheckInput): DomainCheckDecision {
  const { now, code, domain } = input;
  // "Verify now" on a stopped claim starts a fresh 72-hour window.
  const restarted = input.trigger === "manual" && (input.status === "expired" || input.status === "lost");
  const status: DomainStatus = restarted ? "pending" : input.status;
  const missingSince = restarted ? now : input.missingSince;
  const base = { verifiedAt: null, lostAt: null, takeOverFromHolder: false };

  if (status === "verified") {
    if (code === "found") return { ...base, status, missingSince: null, nextCheckAt: after(now, VERIFIED_RECHECK_MS), detail: null };
    // A DNS fault says nothing about the record: neither starts nor clears the missing clock.
    if (isFault(code)) return { ...base, status, missingSince, nextCheckAt: after(now, FAULT_RECHECK_MS), detail: describeCheckFailure(code, domain) };
    const since = missingSince ?? now;
    if (now.getTime() - since.getTime() >= GRACE_MS) {
      return {
        ...base,
        status: "lost",
        missingSince: since,
        lostAt: now,
        nextCheckAt: null,
        detail: `${describeCheckFailure(code, domain)} The record has been missing for 72 hours, so verification was lost.`,
      };
    }
    return {
      ...base,
      status,
      missingSince: since,
      nextCheckAt: after(now, VERIFIED_RECHECK_MS),
      detail: `${describeCheckFailure(code, domain)} Verification is lost if it stays missing for 72 hours.`,
    };
  }

  if (status === "pending") {
    const since = missingSince ?? now;
    if (code === "found") {
      if (input.holder?.recordPresent) {
        return {
          ...base,
          status,
          missingSince: since,
          nextCheckAt: after(now, PENDING_RECHECK_MS),
          detail: `${domain} is verified by another account whose TXT record is still published. It can move to this account only after that record is removed.`,
        };
      }
      return {
        ...base,
        status: "verified",
        missingSince: null,
        verifiedAt: now,
        nextCheckAt: after(now, VERIFIED_RECHECK_MS),
        takeOverFromHolder: input.holder !== null,
        detail: null,
      };
    }
    if (now.getTime() - since.getTime() >= GRACE_MS) {
      return {
        ...base,
        status: "expired",
        missingSince: since,
        nextCheckAt: null,
        detail: `${describeCheckFailure(code, domain)} Checks stopped after 72 hours; publish the record and click Verify now.`,
      };
    }
    return { ...base, status, missingSince: since, nextCheckAt: after(now, PENDING_RECHECK_MS), detail: describeCheckFailure(code, domain) };
  }

  // expired or lost on a scheduled check: nothing runs until an admin asks again.
  return { ...base, status, missingSince, nextCheckAt: null, detail: code === "found" ? null : describeCheckFailure(code, domain) };
}
