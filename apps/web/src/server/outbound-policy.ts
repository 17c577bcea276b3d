import type { OutboundPolicy } from "@gatehouse/sso";
import type { Env } from "@/env";

/**
 * Which non-public addresses this deployment lets Gatehouse contact for admin-supplied URLs.
 * Loopback defaults to allowed outside production only, so `pnpm dev` and tests reach the IdP
 * sandbox while a production build never reaches its own machine unless told to.
 */
export function outboundPolicy(e: Pick<Env, "NODE_ENV" | "OUTBOUND_ALLOW_LOOPBACK" | "OUTBOUND_ALLOW_PRIVATE">): OutboundPolicy {
  const allowLoopback = e.OUTBOUND_ALLOW_LOOPBACK === undefined ? e.NODE_ENV !== "production" : e.OUTBOUND_ALLOW_LOOPBACK === "1";
  return { allowLoopback, allowPrivate: e.OUTBOUND_ALLOW_PRIVATE === "1" };
}
