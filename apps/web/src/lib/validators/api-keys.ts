import { z } from "zod";

/** The create-key form, shared by the form and its server action. */
export const createApiKeySchema = z.object({
  kind: z.enum(["account", "personal"]),
  name: z.string().trim().min(1, "Name the key, for example after the script that will use it.").max(100, "Use at most 100 characters."),
  scope: z.enum(["read", "write"], { message: "Choose read or write." }),
  /** A date (YYYY-MM-DD) from the date input; the key stops at the end of that day, UTC. Empty: never. */
  expiresOn: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Pick a date, or leave it empty for a key that does not expire.")
    .transform((v) => (v ? new Date(`${v}T23:59:59.999Z`) : null)),
});

export const revokeApiKeySchema = z.object({ keyId: z.string().uuid() });
