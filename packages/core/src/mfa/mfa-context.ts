import type { CoreContext } from "../context";

/** MFA operations read and write the encrypted TOTP secret, so they need ENCRYPTION_KEY too. */
export type MfaContext = Pick<CoreContext, "db" | "now"> & { encryptionKey: string };
