"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requestSignUp } from "@gatehouse/core";
import { fieldErrorsOf, type ActionState } from "@/lib/forms/action-state";
import { emailSchema, newPasswordSchema } from "@/lib/validators/auth";
import { coreContext } from "@/server/context";
import { clientIp } from "@/server/request";

const signUpSchema = z.object({ name: z.string().trim().max(200).default(""), email: emailSchema, password: newPasswordSchema });

export async function signUpAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const parsed = signUpSchema.safeParse({ ...values, password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await requestSignUp(coreContext(), { ...parsed.data, ip: await clientIp() });
  if (!result.ok) return { error: result.error.message, values };
  redirect(`/signup/check-email?${new URLSearchParams({ email: result.value.email }).toString()}`);
}
