import Link from "next/link";
import { ssoSetupAccess } from "@/server/sso-setup-access";

export async function SetupLinkHeader() {
  const access = await ssoSetupAccess("view_connections");
  const link = "setupLink" in access ? access.setupLink : null;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <span className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-white">
            G
          </span>
          Gatehouse
        </span>
        {link && "accountName" in access ? (
          <>
            <p className="text-sm text-slate-600" data-testid="setup-link-banner">
              Single sign-on setup for <strong>{access.accountName}</strong>, opened by {link.email} through a setup link
            </p>
            {/* Only the pages this link covers: the rest of the account does not exist here. */}
            {link.scope.includes("domains") ? (
              <nav aria-label="Setup" className="flex gap-4 text-sm font-medium text-indigo-700">
                <Link href="/setup" className="hover:underline">
                  Single sign-on
                </Link>
                <Link href="/setup/domains" className="hover:underline">
                  Domains
                </Link>
              </nav>
            ) : null}
          </>
        ) : null}
      </div>
    </header>
  );
}
