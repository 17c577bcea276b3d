import { Button, Card, CardHeader } from "@gatehouse/ui";
import { removeLogoAction } from "../logo-actions";
import { LogoForm } from "./logo-form";

/** The optional logo on the connection's sign-in button, shown as members will see it. */
export function LogoCard({ connection, maxBytes }: { connection: { id: string; logoDataUrl: string | null; buttonText: string }; maxBytes: number }) {
  return (
    <Card>
      <CardHeader title="Logo" description="Shown on this connection's sign-in button. SVG files are cleaned of scripts and links before they are stored." />
      <div className="space-y-4 px-5 py-4">
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-slate-600">Sign-in button:</span>
          <span
            className="inline-flex items-center gap-2 rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300"
            data-testid="logo-preview"
          >
            {connection.logoDataUrl ? <img src={connection.logoDataUrl} alt="Current logo" className="h-5 w-5" /> : null}
            {connection.buttonText}
          </span>
          {connection.logoDataUrl ? (
            <form action={removeLogoAction}>
              <input type="hidden" name="connectionId" value={connection.id} />
              <input type="hidden" name="tab" value="display" />
              <Button type="submit" variant="danger" size="sm">
                Remove logo
              </Button>
            </form>
          ) : (
            <span className="text-sm text-slate-500">No logo.</span>
          )}
        </div>
        <LogoForm connectionId={connection.id} maxBytes={maxBytes} />
      </div>
    </Card>
  );
}
