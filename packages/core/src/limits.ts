// Plain constants, safe to import from browser code (the form validators share them).
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const ROLE_LABELS = { admin: "Account Admin", member: "Member" } as const;
