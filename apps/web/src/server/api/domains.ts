import { challengeRecordName, challengeRecordValue, listAccountDomains } from "@gatehouse/core";
import type { AccountDomain } from "@gatehouse/db";
import { db } from "@/server/context";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A domain as the API shows it, with the TXT record to publish. */
export function toApiDomain(row: AccountDomain) {
  return {
    id: row.id,
    domain: row.domain,
    status: row.status,
    includeSubdomains: row.includeSubdomains,
    autoJoin: row.autoJoin,
    txtRecord: { name: challengeRecordName(row.domain), value: challengeRecordValue(row.verificationToken) },
    verifiedAt: iso(row.verifiedAt),
    lastCheckedAt: iso(row.lastCheckedAt),
    lastCheckDetail: row.lastCheckDetail,
  };
}

export async function findAccountDomain(accountId: string, domainId: string): Promise<AccountDomain | null> {
  return (await listAccountDomains(db(), accountId)).find((d) => d.id === domainId) ?? null;
}
