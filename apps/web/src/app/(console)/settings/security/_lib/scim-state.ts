import type { SelfTestReport } from "@gatehouse/core";

/** What Enable / Rotate hand back once: the secret, never stored in a readable form. */
export type ScimTokenState = {
  error?: string;
  issued?: { token: string; prefix: string; baseUrl?: string; intent: "enable" | "rotate"; graceUntil?: string; graceHours?: number };
};

/** What Run self-test hands back to its form. */
export type ScimSelfTestState = { error?: string; report?: SelfTestReport };
