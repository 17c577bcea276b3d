import type { ActionState } from "@/lib/forms/action-state";

/** The create form's answer: the new key, in this response only. */
export type IssuedKeyState = ActionState & { issued?: { token: string; prefix: string; name: string; scope: "read" | "write" } };
