import { z } from "zod";

// The Configure SSO form itself is validated by connectionInputSchema (@gatehouse/sso/input);
// these cover the small row actions on a connection's page.

export const connectionTargetSchema = z.object({ connectionId: z.string().uuid() });

export const deleteConnectionSchema = connectionTargetSchema.extend({
  confirm: z.literal("on", { message: "Tick “I understand members will no longer be able to sign in with it” to delete the connection." }),
});

/** Checkboxes post "on" when ticked and nothing otherwise. */
const CHECKBOX_FIELDS = new Set(["idpInitiatedEnabled"]);
const SECRET_FIELDS = new Set(["clientSecret"]);

/**
 * Turns the posted form (flat string fields) into the object saveConnection parses:
 * "attributeMapping.email" becomes attributeMapping.email, a ticked checkbox becomes true.
 */
export function connectionDataFromForm(values: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const attributeMapping: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === "connectionId") continue;
    if (key.startsWith("attributeMapping.")) attributeMapping[key.slice("attributeMapping.".length)] = value;
    else data[key] = CHECKBOX_FIELDS.has(key) ? value === "on" || value === "true" : value;
  }
  for (const key of CHECKBOX_FIELDS) data[key] ??= false;
  data.attributeMapping = attributeMapping;
  return data;
}

/** What the form may show again after an error: everything typed except secrets. */
export function redisplayableValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)));
}

export const switchOffSchema = connectionTargetSchema.extend({
  confirm: z.literal("on", { message: "Tick “I understand members it signed in are signed out” to switch the connection off." }),
});
