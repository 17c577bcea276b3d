// Plain constants, safe to import from browser code (the form validators share them).
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const ROLE_LABELS = { admin: "Account Admin", member: "Member" } as const;

// Support actions: a reason the customer can read, and how long enforcement may be paused.
export const MIN_REASON_LENGTH = 5;
export const MAX_REASON_LENGTH = 500;
export const MIN_SUSPENSION_HOURS = 1;
export const MAX_SUSPENSION_HOURS = 72;

export const REASON_MESSAGES = {
  reason_missing: "Give a reason: the customer reads it in their audit log.",
  reason_too_short: `Write a reason of at least ${MIN_REASON_LENGTH} characters (a ticket number and a few words).`,
  reason_too_long: `Keep the reason under ${MAX_REASON_LENGTH} characters.`,
} as const;
