import { Alert } from "@gatehouse/ui";

/** What a member who is not an admin sees on an admin page (the server refuses their actions too). */
export function AdminsOnly({ what, accountName }: { what: string; accountName: string }) {
  return (
    <Alert tone="error" title="Admins only">
      Only account admins can {what} {accountName}.
    </Alert>
  );
}
