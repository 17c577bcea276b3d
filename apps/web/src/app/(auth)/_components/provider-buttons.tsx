import type { LoginButton } from "@gatehouse/sso";

/** "Or continue with": one plain form post per login provider, so it works without JavaScript. */
export function ProviderButtons({ providers, callbackUrl }: { providers: LoginButton[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <section aria-labelledby="continue-with" className="space-y-2">
      <p id="continue-with" className="flex items-center gap-3 text-xs font-medium uppercase tracking-wide text-slate-500">
        <span className="h-px flex-1 bg-slate-200" />
        Or continue with
        <span className="h-px flex-1 bg-slate-200" />
      </p>
      {providers.map((p) => (
        <form key={p.id} method="post" action={`/api/providers/${p.identifier}/start`}>
          <input type="hidden" name="purpose" value="sign_in" />
          {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
          <button
            type="submit"
            className="flex w-full items-center justify-center gap-2 rounded-md bg-white px-3.5 py-2.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            {p.logoDataUrl ? <img src={p.logoDataUrl} alt="" width={20} height={20} className="h-5 w-5" /> : null}
            {p.buttonText}
          </button>
        </form>
      ))}
    </section>
  );
}
