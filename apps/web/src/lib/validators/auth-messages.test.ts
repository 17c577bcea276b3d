import { describe, expect, it } from "vitest";
import { checkEmail, checkPassword } from "./auth-messages";
import { emailSchema, signInSchema } from "./auth";

// /login's client checks must agree with the server schemas, or a form would refuse what the
// server accepts (or send what it then refuses with a different message).
const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

describe("login client checks", () => {
  const emails = [
    "",
    "   ",
    "ada@acme.test",
    "  ada@acme.test  ",
    "not-an-email",
    "a@b",
    "a@b.c",
    "ada+tag@sub.acme.test",
    ".ada@acme.test",
    "ada..x@acme.test",
    "ada@-acme.test",
    `${"a".repeat(320)}@acme.test`,
    "ada@acme.test\n",
    "ü@acme.test",
  ];
  it.each(emails)("checkEmail(%j) says what emailSchema says", (email) => {
    expect(checkEmail(email)).toBe(firstMessage(emailSchema.safeParse(email)));
  });

  const passwords = ["", " ", "hunter2", "x".repeat(200), "x".repeat(201)];
  it.each(passwords)("checkPassword says what signInSchema says (length %#)", (password) => {
    const parsed = signInSchema.safeParse({ email: "ada@acme.test", password });
    expect(checkPassword(password)).toBe(firstMessage(parsed));
  });
});
