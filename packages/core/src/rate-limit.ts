/**
 * Attempt limits: one window, and how many counted attempts each key may have in it.
 * Sign-in counts failures; forgot-password and sign-up count every request (each one can send an email).
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;
export const MAX_RESET_REQUESTS_PER_EMAIL = 3;
export const MAX_RESET_REQUESTS_PER_IP = 10;
/** Sign-up requests: each one sends an email, so every request counts, as for resets. */
export const MAX_SIGN_UPS_PER_EMAIL = 3;
export const MAX_SIGN_UPS_PER_IP = 10;

export type FailureHistory = {
  /** Failure times for this email within the window, oldest first. */
  emailFailures: Date[];
  /** Failure times from this IP within the window, oldest first. */
  ipFailures: Date[];
};

/** Counted attempt times for one key, oldest first, and how many the window allows. */
export type Quota = { attempts: Date[]; limit: number };

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/**
 * Decides whether another attempt may go ahead. Once a key has used its quota, it may try
 * again when the attempt that filled the quota leaves the window; the longest wait wins.
 */
export function decideRateLimit(quotas: Quota[], now: Date): RateLimitDecision {
  const waits = quotas.map((q) => waitFor(q.attempts, q.limit, now)).filter((ms): ms is number => ms !== null);
  if (waits.length === 0) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(Math.max(...waits) / 60_000)) };
}

/** The sign-in limit: failures per email and per IP. */
export function decideSignInRateLimit(history: FailureHistory, now: Date): RateLimitDecision {
  return decideRateLimit(
    [
      { attempts: history.emailFailures, limit: MAX_FAILURES_PER_EMAIL },
      { attempts: history.ipFailures, limit: MAX_FAILURES_PER_IP },
    ],
    now,
  );
}

function waitFor(attempts: Date[], limit: number, now: Date): number | null {
  const windowMs = SIGN_IN_WINDOW_MINUTES * 60_000;
  const recent = attempts.filter((at) => now.getTime() - at.getTime() < windowMs);
  if (recent.length < limit) return null;
  // The quota frees up when the oldest attempt that still counts leaves the window.
  const blocking = recent[recent.length - limit];
  return blocking ? blocking.getTime() + windowMs - now.getTime() : null;
}
