import { notFound } from "next/navigation";
import { isStaffUser, type ResolvedSession } from "@gatehouse/core";
import { requireSession } from "@/auth/session";
import { db } from "./context";

/** Staff-only pages and actions: anyone else gets a 404, so the console's existence is not revealed. */
export async function requireStaffSession(): Promise<ResolvedSession> {
  const session = await requireSession();
  if (!(await isStaffUser(db(), session.user.id))) notFound();
  return session;
}
