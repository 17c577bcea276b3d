export * from "./support-reason";
export { authoriseSupportOrAdmin, type ActingAs } from "./authorise-support-or-admin";
export * from "./disable-sso";
export * from "./send-password-resets";
export * from "./suspend-enforcement";
export * from "./find-accounts";
export * from "./support-account-view";
export * from "./members-with-login";
