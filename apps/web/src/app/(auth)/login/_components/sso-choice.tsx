import { ChosenEmail } from "./chosen-email";
import { PasswordInsteadLink } from "./password-instead-link";
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
      <PasswordInsteadLink href={passwordHref} />
    </div>
  );
}
