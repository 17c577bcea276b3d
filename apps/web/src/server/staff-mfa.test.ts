import { describe, it } from "vitest";

describe("staffMfaSatisfied", () => {
  // Wired to the MFA work's userHasMfa(db, userId) at merge; until then every staff member passes.
  it.todo("refuses a staff member who has not enrolled MFA");
  it.todo("lets a staff member with MFA enrolled through");
});
