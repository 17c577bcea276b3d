import { randomBytes } from "node:crypto";
import { ensureAccount } from "@gatehouse/core";
import type { Database } from "@gatehouse/db";

export { auditEvents, ssoConnections } from "@gatehouse/db";

/** Another account, so a test can check that its events never show. */
export const ensureAccountForTest = (db: Database) => {
  const tag = randomBytes(4).toString("hex");
  return ensureAccount(db, { name: `Other ${tag}`, slug: `other-${tag}` });
};
