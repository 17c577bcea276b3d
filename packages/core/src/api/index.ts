export * from "./decide-api-key";
export * from "./api-keys";
export * from "./idempotency";
export * from "./audit-page";
