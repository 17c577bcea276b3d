"use server";

import { redirect } from "next/navigation";
import { createWorkspace, grantAccountToSession } from "@gatehouse/core";
import { actorOf, requireSession } from "@/auth/session";
import { readSessionId } from "@/auth/session-cookie";
import type { ActionState } from "@/lib/forms/action-state";
import { db } from "@/server/context";

/** Creates the new user's account (workspace name, slug) with them as its admin, and opens it. */
export async function createWorkspaceAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireSession();
  const values = { name: String(formData.get("name") ?? ""), slug: String(formData.get("slug") ?? "") };
  const result = await createWorkspace({ db: db() }, { userId: session.user.id, ...values, actor: await actorOf(session) });
  if (!result.ok) return result.error.field ? { fieldErrors: { [result.error.field]: result.error.message }, values } : { error: result.error.message, values };
  const rawId = await readSessionId();
  // The creator owns the new account: this session may act in it at once, whatever its sign-in proved.
  if (rawId) await grantAccountToSession(db(), rawId, result.value.accountId);
  redirect("/settings/team");
}
