import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Actor, Result } from "@gatehouse/core";
import { actorOf, requireAccount } from "@/auth/session";
import { requireAdmin } from "./admin-guard";
import { flashTo } from "./flash";

export const INCOMPLETE = "That request was incomplete. Reload the page and try again.";

export type ActionCaller = { accountId: string; actor: Actor };

/**
 * The one shape of the console's row actions (plain form posts, so they work without JavaScript):
 * check who asks, parse the form with a zod schema, call one core/sso function, then send the
 * browser back with the outcome as a flash message.
 */
export async function runFormAction<S extends z.ZodType, T>(action: {
  schema: S;
  /** What to parse: usually formValues(formData); repeated fields need formData.getAll. */
  input: unknown;
  /**
   * "admin": the admin gate refuses members before anything runs. "core": the called function
   * checks the role itself, and members see its own, more precise refusal. A function: a gate of
   * the caller's own (the SSO wizard admits admins and setup-link recipients).
   */
  gate: "admin" | "core" | (() => Promise<ActionCaller | { error: string }>);
  run: (input: z.output<S>, caller: ActionCaller) => Promise<Result<T>>;
  success: string | ((value: T) => string);
  /** Where a refusal or error is shown; without input when the form did not even parse. */
  back: (input?: z.output<S>) => string;
  /** Where success goes; `back` when omitted. */
  after?: (input: z.output<S>) => string;
  /** The message for a form that did not parse. */
  incomplete?: (error: z.ZodError) => string;
  /** The layout(s) to refresh after a change. */
  revalidate: string | string[];
  /** Fields whose typed values go back with a refusal, so nothing typed is lost (never secrets). */
  keep?: readonly string[];
}): Promise<never> {
  const typed = typedValues(action.input, action.keep);
  const caller = await callerOf(action.gate);
  if ("error" in caller) redirect(await flashTo(action.back(), { tone: "error", text: caller.error }));
  const parsed = action.schema.safeParse(action.input);
  if (!parsed.success) redirect(await flashTo(action.back(), { tone: "error", text: action.incomplete?.(parsed.error) ?? INCOMPLETE, typed }));
  const input = parsed.data;
  const result = await action.run(input, caller);
  for (const path of [action.revalidate].flat()) revalidatePath(path, "layout");
  if (!result.ok) redirect(await flashTo(action.back(input), { tone: "error", text: result.error, typed }));
  const text = typeof action.success === "string" ? action.success : action.success(result.value);
  redirect(await flashTo((action.after ?? action.back)(input), { tone: "success", text }));
}

async function callerOf(gate: "admin" | "core" | (() => Promise<ActionCaller | { error: string }>)): Promise<ActionCaller | { error: string }> {
  if (typeof gate === "function") return gate();
  if (gate === "admin") {
    const access = await requireAdmin();
    return access.ok ? { accountId: access.accountId, actor: access.actor } : { error: access.error };
  }
  const session = await requireAccount();
  return { accountId: session.activeAccount.id, actor: await actorOf(session) };
}

/** The named fields' string values from a form's input, for a refusal to put back. */
export function typedValues(input: unknown, keep: readonly string[] | undefined): Record<string, string> | undefined {
  if (!keep?.length || typeof input !== "object" || input === null) return undefined;
  const values = input as Record<string, unknown>;
  return Object.fromEntries(keep.flatMap((name) => (typeof values[name] === "string" ? [[name, values[name]]] : [])));
}
