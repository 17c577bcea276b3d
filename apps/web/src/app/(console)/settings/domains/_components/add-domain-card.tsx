import { Button, Card, CardHeader, Field } from "@gatehouse/ui";

/** "Add a domain": the console's Domains page and a setup link's domains page post it to their own action. */
export function AddDomainCard({ action, typed }: { action: (formData: FormData) => Promise<void>; typed?: string }) {
  return (
    <Card>
      <CardHeader
        title="Add a domain"
        description="Your organisation's own domain, like acme.com. Free email providers and public suffixes cannot be verified."
      />
      <form action={action} className="flex flex-wrap items-end gap-3 px-5 py-4">
        {/* Keyed by what was typed, so a refusal's value replaces what the browser kept. */}
        <Field
          key={typed ?? ""}
          label="Domain"
          name="domain"
          defaultValue={typed}
          required
          maxLength={300}
          placeholder="acme.com"
          autoComplete="off"
          className="w-80"
        />
        <Button type="submit">Add domain</Button>
      </form>
    </Card>
  );
}
