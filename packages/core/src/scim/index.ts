export * from "./tokens";
export { handleScimRequest, SCIM_MAX_BODY_BYTES, SCIM_CONTENT_TYPE, type ScimRequestOptions } from "./handle-scim-request";
export { pruneScimRequestLogs, redactForLog, SCIM_LOG_KEEP_DAYS, SCIM_LOG_KEEP_ROWS } from "./request-log";
export { SCIM_RATE_LIMIT_PER_MINUTE, decideScimRate } from "./rate-limit";
export { normalisePatch } from "./normalise-patch";
export { readScimUser, renderScimUser } from "./user-resource";
export { planUserQuery } from "./filter-users";
