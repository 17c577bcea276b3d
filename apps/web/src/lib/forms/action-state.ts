import type { z } from "zod";

/** What a form's server action returns: a message for the form and/or one per field. */
export type ActionState = {
  error?: string;
  success?: string;
  fieldErrors?: Record<string, string>;
  /** Submitted values to show again after a no-JS round trip (never passwords). */
  values?: Record<string, string>;
};

export const initialActionState: ActionState = {};

/** Turns a failed zod parse into per-field messages (the first message per field). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** Form fields as plain strings (files and repeated keys are not used by these forms). */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}
