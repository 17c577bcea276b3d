import { and, eq, isNull, lt, mfaFactors, mfaRecoveryCodes, or, type Database } from "@gatehouse/db";
import { decryptSecret } from "../secrets";
import { generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes";
import { checkTotpCode, type TotpCheck } from "./totp";

type Db = Pick<Database, "select" | "update" | "insert" | "delete">;

/** The user's factor with its secret decrypted, or null (none, or saved under another key). */
export async function loadFactor(db: Pick<Database, "select">, encryptionKey: string, userId: string) {
  const [row] = await db.select().from(mfaFactors).where(eq(mfaFactors.userId, userId)).limit(1);
  if (!row) return null;
  try {
    return { ...row, secret: decryptSecret(row.secretEncrypted, encryptionKey) };
  } catch {
    return null;
  }
}

/**
 * Checks a code against the user's confirmed factor and, when good, records its step. The update
 * only wins while the stored step is older, so two requests racing with one code cannot both pass.
 */
export async function acceptTotpCode(
  db: Db,
  encryptionKey: string,
  userId: string,
  code: string,
  now: Date,
): Promise<TotpCheck | { accepted: false; reason: "no_mfa" }> {
  const factor = await loadFactor(db, encryptionKey, userId);
  if (!factor?.confirmedAt) return { accepted: false, reason: "no_mfa" };
  const check = checkTotpCode({ secretBase32: factor.secret, code, now, lastUsedStep: factor.lastUsedStep });
  if (!check.accepted) return check;
  const stored = await db
    .update(mfaFactors)
    .set({ lastUsedStep: check.step })
    .where(and(eq(mfaFactors.userId, userId), or(isNull(mfaFactors.lastUsedStep), lt(mfaFactors.lastUsedStep, check.step))))
    .returning({ userId: mfaFactors.userId });
  return stored.length > 0 ? check : { accepted: false, reason: "replayed" };
}

/** Replaces the user's recovery codes with ten new ones and returns them (the only plain copy). */
export async function replaceRecoveryCodes(db: Pick<Database, "insert" | "delete">, userId: string, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await db.insert(mfaRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })));
  return codes;
}
