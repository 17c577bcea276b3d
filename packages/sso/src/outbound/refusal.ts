import type { AddressKind } from "./address-policy";

const WHY: Record<Exclude<AddressKind, "public">, string> = {
  loopback: "an address on the Gatehouse server itself",
  private: "a private network address",
  reserved: "a reserved or link-local network address",
};

const WHAT_TO_DO: Record<Exclude<AddressKind, "public">, string> = {
  loopback: "Use your identity provider's public address.",
  private:
    "Use your identity provider's public address. (If your identity provider runs on your own network, the person who runs Gatehouse can allow private addresses with OUTBOUND_ALLOW_PRIVATE=1.)",
  reserved: "Use your identity provider's public address.",
};

/**
 * Thrown by the guarded fetch before any connection is made. It names the host the admin typed
 * and the kind of address, never the resolved address or a port: enough to fix the URL, not
 * enough to map an internal network.
 */
export class OutboundRefusedError extends Error {
  override readonly name = "OutboundRefusedError";
  readonly code = "GATEHOUSE_OUTBOUND_REFUSED";
  constructor(
    readonly host: string,
    readonly kind: Exclude<AddressKind, "public">,
  ) {
    super(`The address of ${host} is ${WHY[kind]}, which Gatehouse does not contact. ${WHAT_TO_DO[kind]}`);
  }
}

/** The refusal inside an error (undici nests the connector's error as `cause` of "fetch failed"). */
export function findOutboundRefusal(error: unknown): OutboundRefusedError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    if (current instanceof OutboundRefusedError) return current;
    current = current.cause;
  }
  return null;
}
