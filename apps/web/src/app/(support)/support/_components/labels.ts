export const AUTH_REQUIRED_LABELS = { any: "Any method", mfa: "MFA for passwords", sso: "SSO only" } as const;
