import type { TestConnectionReport } from "@gatehouse/sso";

/** What Test Connection hands back to its form: the report, or why there is none. */
export type TestConnectionState = { error?: string; report?: TestConnectionReport };
