export { TxtZone, type TxtRecord, type ZoneAnswer } from "./txt-zone";
export { startDnsServer, type DnsServerOptions, type SandboxDnsServer } from "./server";
