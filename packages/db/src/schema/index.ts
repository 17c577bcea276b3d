export * from "./accounts";
export * from "./users";
export * from "./members";
export * from "./sessions";
export * from "./audit";
export * from "./email";
export * from "./sso";
export * from "./security";
