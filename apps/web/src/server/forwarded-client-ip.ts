import { isIP } from "node:net";

/**
 * The client's IP from X-Forwarded-For, trusting exactly `trustedProxyCount` proxies.
 *
 * Each proxy appends the address it received the request from, so with N proxies the N-th entry
 * from the right was written by the outermost one we trust; entries left of it came from the
 * client and may be forged. With 0 proxies nothing in the header can be trusted: Next.js fills
 * X-Forwarded-For from the socket only when the client sent none, so a forged header and a real
 * one look alike, and route handlers and server actions have no socket to ask. X-Real-IP is
 * never read: a proxy that does not set it passes the client's own value through.
 */
export function forwardedClientIp(forwardedFor: string | null, trustedProxyCount: number): string | null {
  if (trustedProxyCount < 1 || !forwardedFor) return null;
  const hops = forwardedFor.split(",").map((entry) => entry.trim());
  // Fewer entries than proxies: the request did not come through all of them.
  if (hops.length < trustedProxyCount) return null;
  return normaliseAddress(hops[hops.length - trustedProxyCount] ?? "");
}

/** A bare IPv4 or IPv6 address, or null; tolerates the "[v6]:port" and "v4:port" forms some proxies write. */
function normaliseAddress(entry: string): string | null {
  if (isIP(entry)) return entry.toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1] && isIP(bracketed[1]) === 6) return bracketed[1].toLowerCase();
  const withPort = /^([^:]+):\d+$/.exec(entry);
  if (withPort?.[1] && isIP(withPort[1]) === 4) return withPort[1];
  return null;
}
