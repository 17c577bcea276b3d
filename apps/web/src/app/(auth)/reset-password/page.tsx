import type { Metadata } from "next";
import Link from "next/link";
import { inspectResetToken } from "@gatehouse/core";
import { Alert } from "@gatehouse/ui";
import { coreContext } from "@/server/context";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const state = typeof token === "string" && token ? await inspectResetToken(coreContext(), token) : null;
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold text-slate-900">Choose a new password</h1>
      {state && token ? (
        <>
          <p className="text-sm text-slate-600">
            For <strong>{state.email}</strong>. Signing in elsewhere ends when you save: every other session of this account is signed out.
          </p>
          <ResetPasswordForm token={token} email={state.email} />
        </>
      ) : (
        <>
          <Alert tone="error" title="This link has expired or was already used">
            Reset links work once, for one hour. Ask for a new one.
          </Alert>
          <Link href="/forgot-password" className="text-sm font-medium text-indigo-700 hover:underline">
            Send a new reset link
          </Link>
        </>
      )}
    </div>
  );
}
