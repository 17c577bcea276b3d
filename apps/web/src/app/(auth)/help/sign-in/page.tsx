import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Help signing in" };

/** The login help page: how email-first sign-in finds a company's IdP, and the plus-addressing rule. */
export default function SignInHelpPage() {
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <h1 className="text-xl font-semibold text-slate-900">Help signing in</h1>
      <section className="space-y-2">
        <h2 className="font-semibold text-slate-900">Your company&apos;s sign-in</h2>
        <p>
          Type your work email. When your company has verified its email domain and set up single sign-on, you go straight to its identity provider (Okta,
          Google Workspace, Microsoft Entra ID, or another). Otherwise you sign in with your password.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold text-slate-900">Addresses with a plus sign</h2>
        <p>
          With Google Workspace, mail to <code>ami+cio@acme.test</code> reaches <code>ami@acme.test</code>. So when you sign in with Google as{" "}
          <code>ami@acme.test</code>, you also reach the accounts you were added to as <code>ami+cio@acme.test</code>.
        </p>
        <p>With every other identity provider the email must match exactly: sign in with the address you were invited with.</p>
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold text-slate-900">Joining your company&apos;s account</h2>
        <p>
          If your company lets people on its verified domain join, you see &ldquo;Join&rdquo; or &ldquo;Request to join&rdquo; once you are signed in with a
          verified email address. Otherwise ask an admin to invite you.
        </p>
      </section>
      <Link href="/login" className="font-medium text-indigo-700 hover:underline">
        Back to sign in
      </Link>
    </div>
  );
}
