import type { CoreContext } from "../context";
import type { TxtLookup } from "./lookup-txt";

/** Domain operations also need DNS; tests pass a lookup aimed at a DNS server on loopback. */
export type DomainContext = CoreContext & { lookupTxt: TxtLookup };
