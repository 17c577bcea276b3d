"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@gatehouse/core";
import { coreContext } from "@/server/context";
import { clientIp } from "@/server/request";
import { resetPasswordSchema } from "@/lib/validators/auth";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";

export async function chooseNewPassword(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = resetPasswordSchema.safeParse(formValues(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await resetPassword(coreContext(), { token: parsed.data.token, password: parsed.data.password, ip: await clientIp() });
  if (!result.ok) return { error: result.error };
  redirect(`/login?${new URLSearchParams({ email: result.value.email, notice: "reset" }).toString()}`);
}
