import ipaddr from "ipaddr.js";

/** Which kinds of address the deployment lets Gatehouse contact besides public ones. */
export type OutboundPolicy = {
  /** The Gatehouse machine itself (127/8, ::1): development and tests, where the IdP sandbox runs. */
  allowLoopback: boolean;
  /** RFC 1918, CGNAT and unique-local ranges: for deployments whose IdP lives on their own network. */
  allowPrivate: boolean;
};

/** What production gets unless the deployment says otherwise. */
export const PUBLIC_ONLY: OutboundPolicy = { allowLoopback: false, allowPrivate: false };

export type AddressKind = "public" | "loopback" | "private" | "reserved";

// The one range IANA allocates for global unicast (RFC 4291 §2.4). ipaddr.js calls everything it
// has no special name for "unicast", including ::/96 (IPv4-compatible, e.g. ::127.0.0.1).
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");
const PRIVATE_RANGES = new Set(["private", "carrierGradeNat", "uniqueLocal"]);

/**
 * Classifies an IP address (not a host name) with ipaddr.js's IANA special-purpose ranges.
 * IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it reaches. Anything that is
 * neither public, loopback nor private (link-local such as 169.254.169.254, 0.0.0.0, multicast,
 * broadcast, documentation, NAT64/6to4/Teredo tunnels) is "reserved" and never contacted.
 */
export function classifyAddress(address: string): AddressKind {
  if (!ipaddr.isValid(address)) return "reserved";
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === "loopback") return "loopback";
  if (PRIVATE_RANGES.has(range)) return "private";
  if (range !== "unicast") return "reserved";
  if (ip.kind() === "ipv6" && !(ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)) return "reserved";
  return "public";
}

/** The kind that makes the address unacceptable under the policy, or null when it may be contacted. */
export function refusedKind(address: string, policy: OutboundPolicy): Exclude<AddressKind, "public"> | null {
  const kind = classifyAddress(address);
  if (kind === "public") return null;
  if (kind === "loopback" && policy.allowLoopback) return null;
  if (kind === "private" && policy.allowPrivate) return null;
  return kind;
}
