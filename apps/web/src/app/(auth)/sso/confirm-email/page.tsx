import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Button } from "@gatehouse/ui";
import { peekSignInVerification } from "@gatehouse/sso";
import { getCurrentSession } from "@/auth/session";
import { ssoContext } from "@/server/sso-context";

export const metadata: Metadata = { title: "Continue as someone else?" };

/**
 * Reached from an SSO confirmation link opened while someone else is signed in here. The link is
 * used only by the POST below, so leaving this page keeps the current session and the link.
 */
export default async function ConfirmEmailSwitchPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const held = typeof token === "string" && token ? await peekSignInVerification(ssoContext(), token) : null;
  if (!held) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold text-slate-900">This link no longer works</h1>
        <Alert tone="error" title="This verification link has expired or was already used.">
          Sign in again to get a new link.
        </Alert>
        <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  const session = await getCurrentSession();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">Continue as {held.email}?</h1>
      <p className="text-sm text-slate-600">
        {session ? (
          <>
            You are signed in as <strong>{session.user.email}</strong> in this browser. Continuing confirms <strong>{held.email}</strong> and signs you in as
            that person instead.
          </>
        ) : (
          <>
            Continuing confirms <strong>{held.email}</strong> and signs you in.
          </>
        )}
      </p>
      <form method="post" action="/api/sso/verify-email" className="space-y-3">
        <input type="hidden" name="token" value={token as string} />
        <input type="hidden" name="confirm" value="1" />
        <Button type="submit" className="w-full">
          Continue as {held.email}
        </Button>
      </form>
      {session ? (
        <Link href="/" className="block text-center text-sm font-medium text-indigo-700 hover:underline">
          Stay signed in as {session.user.email}
        </Link>
      ) : null}
    </div>
  );
}
