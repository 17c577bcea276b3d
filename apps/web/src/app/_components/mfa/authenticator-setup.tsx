import type { MfaEnrolment } from "@gatehouse/core";
import { qrCodeDataUrl } from "@/server/qr-code";

/** Step one of enrolment: the QR code for the app, and the same secret to type in by hand. */
export async function AuthenticatorSetup({ enrolment }: { enrolment: MfaEnrolment }) {
  const qr = await qrCodeDataUrl(enrolment.uri);
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>Scan this QR code with an authenticator app (Google Authenticator, 1Password, Authy, Microsoft Authenticator…).</p>
      <img src={qr} alt="QR code to add Gatehouse to your authenticator app" width={176} height={176} className="rounded-md ring-1 ring-slate-200" />
      <div>
        <p>Can&apos;t scan it? Enter this key in the app instead:</p>
        <p className="mt-1 select-all break-all rounded bg-slate-100 px-2 py-1 font-mono text-slate-900" data-testid="mfa-manual-key" aria-label="Manual key">
          {enrolment.manualKey}
        </p>
      </div>
    </div>
  );
}
