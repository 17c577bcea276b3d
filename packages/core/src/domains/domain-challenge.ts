import { randomBytes } from "node:crypto";

export const CHALLENGE_LABEL = "_gatehouse-challenge";
export const CHALLENGE_PREFIX = "gatehouse-verification=";

/** Where the TXT record goes: `_gatehouse-challenge.<domain>`. */
export const challengeRecordName = (domain: string) => `${CHALLENGE_LABEL}.${domain}`;

/** The TXT value to publish for a token. */
export const challengeRecordValue = (token: string) => `${CHALLENGE_PREFIX}${token}`;

/** 128 random bits; the value is public once published, so it only has to be unguessable beforehand. */
export const generateVerificationToken = () => randomBytes(16).toString("hex");
