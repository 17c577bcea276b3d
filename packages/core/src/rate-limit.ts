/** Sign-in attempt limits: a window and how many failures each key may have in it. */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export type FailureHistory = {
  /** Failure times for this email within the window, oldest first. */
  emailFailures: Date[];
  /** Failure times from this IP within the window, oldest first. */
  ipFailures: Date[];
};

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/**
 * Decides whether another password attempt may be checked. Once a key has used its failures,
 * it may try again when the failure that filled the quota leaves the window.
 */
export function decideSignInRateLimit(history: FailureHistory, now: Date): RateLimitDecision {
  const waits = [
    waitFor(history.emailFailures, MAX_FAILURES_PER_EMAIL, now),
    waitFor(history.ipFailures, MAX_FAILURES_PER_IP, now),
  ].filter((ms): ms is number => ms !== null);
  if (waits.length === 0) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(Math.max(...waits) / 60_000)) };
}

function waitFor(failures: Date[], limit: number, now: Date): number | null {
  const windowMs = SIGN_IN_WINDOW_MINUTES * 60_000;
  const recent = failures.filter((at) => now.getTime() - at.getTime() < windowMs);
  if (recent.length < limit) return null;
  // The quota frees up when the oldest failure that still counts leaves the window.
  const blocking = recent[recent.length - limit];
  return blocking ? blocking.getTime() + windowMs - now.getTime() : null;
}
