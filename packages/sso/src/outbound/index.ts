export { classifyAddress, refusedKind, PUBLIC_ONLY, type AddressKind, type OutboundPolicy } from "./address-policy";
export { guardedFetch, type GuardedFetch, type GuardedFetchOptions } from "./guarded-fetch";
export type { ResolveName } from "./guarded-agent";
export { OutboundRefusedError, findOutboundRefusal } from "./refusal";
