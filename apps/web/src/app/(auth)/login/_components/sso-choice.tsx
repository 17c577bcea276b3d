import Link from "next/link";
import { ChosenEmail } from "./chosen-email";
import type { RoutableConnection } from "@gatehouse/core";
import { SsoButtons } from "../../_components/sso-buttons";

/** Several connections serve this email's domain: the person picks one (plain forms, no JS needed). */
export function SsoChoice({
  email,
  connections,
  callbackUrl,
  passwordHref,
}: {
  email: string;
  connections: RoutableConnection[];
  callbackUrl: string;
  passwordHref: string | null;
}) {
  return (
    <div className="space-y-4">
      <ChosenEmail email={email} callbackUrl={callbackUrl} />
      <SsoButtons connections={connections} callbackUrl={callbackUrl || "/"} loginHint={email} />
      {passwordHref ? (
        <p className="text-center text-sm">
          <Link href={passwordHref} className="font-medium text-indigo-700 hover:underline">
            Use my password instead
          </Link>
        </p>
      ) : null}
    </div>
  );
}
