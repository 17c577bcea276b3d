/** What a button needs of a connection (from listEnabledConnectionsForAccount or email routing). */
type ConnectionButton = { id: string; buttonText: string; logoDataUrl: string | null };

/** One "Sign in with …" button per connection; plain form posts, so they work without JavaScript. */
export function SsoButtons({ connections, callbackUrl, loginHint }: { connections: ConnectionButton[]; callbackUrl: string; loginHint?: string }) {
  return (
    <div className="space-y-2">
      {connections.map((c) => (
        <form key={c.id} method="post" action="/api/sso/start">
          <input type="hidden" name="connectionId" value={c.id} />
          <input type="hidden" name="purpose" value="sign_in" />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          {loginHint ? <input type="hidden" name="loginHint" value={loginHint} /> : null}
          <button
            type="submit"
            className="flex w-full items-center justify-center gap-2 rounded-md bg-white px-3.5 py-2.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            {c.logoDataUrl ? <img src={c.logoDataUrl} alt="" className="h-5 w-5" /> : null}
            {c.buttonText}
          </button>
        </form>
      ))}
    </div>
  );
}
