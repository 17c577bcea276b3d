"use server";

import { AuthError } from "next-auth";
import { acceptInvite } from "@gatehouse/core";
import { signIn } from "@/auth/config";
import { coreContext } from "@/server/context";
import { clientIp } from "@/server/request";
import { acceptInviteSchema } from "@/lib/validators/auth";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";

export async function acceptInviteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = acceptInviteSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { name: values.name ?? "" } };
  const result = await acceptInvite(coreContext(), { ...parsed.data, ip: await clientIp() });
  if (!result.ok) return { error: result.error, values: { name: values.name ?? "" } };
  try {
    await signIn("credentials", { email: result.value.email, password: parsed.data.password, redirectTo: "/settings/team?joined=1" });
  } catch (error) {
    if (error instanceof AuthError) return { success: "You joined the account. Sign in to continue." };
    throw error;
  }
  return {};
}
