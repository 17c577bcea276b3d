import { z } from "zod";

export type Flash = {
  tone: "success" | "error";
  text: string;
  /** When it was set (ms), to tell it from newer news on the page. */
  at?: number;
  /** What the person typed into a refused form, to put back (never secrets: the action names the fields). */
  typed?: Record<string, string>;
};

// A cookie holds about 4 kB; messages are a sentence or two, typed values a field or two.
const MAX_TEXT = 1000;
const MAX_TYPED = 300;

const storedFlash = z.object({
  id: z.string().min(1).max(64),
  tone: z.enum(["success", "error"]),
  text: z.string().max(MAX_TEXT),
  at: z.number().int().optional(),
  typed: z.record(z.string().max(64), z.string().max(MAX_TYPED)).optional(),
});

export function encodeFlash(flash: Flash & { id: string }): string {
  const typed = flash.typed ? Object.fromEntries(Object.entries(flash.typed).map(([name, value]) => [name, value.slice(0, MAX_TYPED)])) : undefined;
  return Buffer.from(JSON.stringify({ ...flash, text: flash.text.slice(0, MAX_TEXT), typed })).toString("base64url");
}

/** The stored message, or null for a missing or malformed cookie. */
export function decodeFlash(value: string | undefined): (Flash & { id: string }) | null {
  if (!value) return null;
  try {
    const parsed = storedFlash.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
