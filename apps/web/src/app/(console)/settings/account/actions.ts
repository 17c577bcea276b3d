"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { endOwnSessions, setOwnPassword, unlinkProvider } from "@gatehouse/core";
import { actorOf, requireSession } from "@/auth/session";
import { fieldErrorsOf, type ActionState } from "@/lib/forms/action-state";
import { newPasswordSchema } from "@/lib/validators/auth";
import { db } from "@/server/context";
import { flashTo } from "@/server/flash";

const PAGE = "/settings/account";

export async function unlinkProviderAction(formData: FormData) {
  const session = await requireSession();
  const providerId = String(formData.get("providerId") ?? "");
  const result = await unlinkProvider({ db: db() }, { userId: session.user.id, providerId, actor: await actorOf(session) });
  revalidatePath(PAGE);
  redirect(
    await flashTo(PAGE, result.ok ? { tone: "success", text: `${result.value.providerName} is no longer linked.` } : { tone: "error", text: result.error }),
  );
}

const passwordSchema = z
  .object({ currentPassword: z.string().max(1000).default(""), newPassword: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { message: "The two passwords do not match.", path: ["confirm"] });

export async function setPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireSession();
  const parsed = passwordSchema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await setOwnPassword(
    { db: db() },
    { userId: session.user.id, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, actor: await actorOf(session) },
  );
  if (!result.ok) return { error: result.error };
  revalidatePath(PAGE);
  return { success: result.value.changed ? "Password changed." : "Password set: you can now sign in with your email and password." };
}

export async function endSessionsAction(formData: FormData) {
  const session = await requireSession();
  const idHash = formData.get("idHash");
  const result = await endOwnSessions(
    { db: db() },
    { userId: session.user.id, currentIdHash: session.idHash, idHash: typeof idHash === "string" && idHash ? idHash : null, actor: await actorOf(session) },
  );
  revalidatePath(PAGE);
  redirect(
    await flashTo(
      PAGE,
      result.ok
        ? { tone: "success", text: result.value.ended === 1 ? "1 session ended." : `${result.value.ended} sessions ended.` }
        : { tone: "error", text: result.error },
    ),
  );
}
