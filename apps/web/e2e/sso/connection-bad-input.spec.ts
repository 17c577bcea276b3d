import { generateKeyPairSync } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { createSamlApp, createSsoTeam } from "../support/sandbox";
import { configureOkta, configureSamlByHand, fingerprintOf, rotateToNextKey } from "../support/issue9-connections";

// 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

async function uploadLogo(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("Logo file").setInputFiles(file);
  await page.getByRole("button", { name: "Upload logo" }).click();
}

test("the logo: a file that is not an image is refused, an SVG is cleaned, and the logo can be removed", async ({ page }) => {
  await configureOkta(page);
  const logo = page.getByRole("img", { name: "Current logo" });

  // The logo is on the Display tab, reached with the arrow keys; the tab is in the URL.
  await page.getByRole("tab", { name: "Settings" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Display" })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/[?&]tab=display/);

  // Named .png, but not a picture: judged by its bytes. The refusal lands on the same tab, and so does a reload.
  await uploadLogo(page, { name: "logo.png", mimeType: "image/png", buffer: Buffer.from("this is not a picture") });
  await expect(page.getByText("This file is not a PNG, JPG or SVG image.")).toBeVisible();
  await expect(page).toHaveURL(/[?&]tab=display/);
  await expect(logo).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("tab", { name: "Display" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Logo file")).toBeVisible();

  // Too large: refused before it is sent.
  await page.getByLabel("Logo file").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.concat([PNG, Buffer.alloc(150_000)]) });
  await expect(page.getByText("The logo is 147 KB; the limit is 100 KB.")).toBeVisible();
  await expect(logo).toHaveCount(0);

  await uploadLogo(page, { name: "logo.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByText("Logo saved.")).toBeVisible();
  await expect(logo).toHaveAttribute("src", /^data:image\/png;base64,/);

  // An SVG is stored without its script.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10" fill="teal" onclick="alert(2)"/></svg>`;
  await uploadLogo(page, { name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
  await expect(logo).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
  const stored = Buffer.from((await logo.getAttribute("src"))!.split(",")[1]!, "base64").toString("utf8");
  expect(stored).toContain("<rect");
  expect(stored).not.toMatch(/script|onclick|alert/);

  await page.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo removed." })).toBeVisible();
  await expect(logo).toHaveCount(0);
  await expect(page.getByRole("tab", { name: "Display" })).toHaveAttribute("aria-selected", "true");
});

test("Add next certificate refuses a pasted private key and changes nothing; a certificate file is added", async ({ page }) => {
  const team = await createSsoTeam();
  const app = await createSamlApp(`By hand ${team.tag}`);
  await configureSamlByHand(page, team, app, `Sign in with hand-made SAML ${team.tag}`);
  const certificates = page.getByTestId("certificate-row");
  const next = page.getByLabel("Next signing certificate");
  await expect(certificates).toHaveCount(1);

  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  await next.fill(`${app.certificatePem}\n${privateKey}`);
  await page.getByRole("button", { name: "Add next certificate" }).click();
  await expect(page.getByText(/^Next signing certificate: This file contains a private key\. Never share it/)).toBeVisible();
  await expect(certificates).toHaveCount(1);
  // The key is not sent back into the page.
  await expect(next).toHaveValue("");
  expect(await page.content()).not.toContain(privateKey.split("\n")[1]!);

  // The certificate already trusted is not added twice.
  await next.fill(app.certificatePem);
  await page.getByRole("button", { name: "Add next certificate" }).click();
  await expect(page.getByText(/this connection already trusts this certificate/)).toBeVisible();
  await expect(certificates).toHaveCount(1);

  // The IdP's next certificate, uploaded as its .pem file, is trusted beside the current one.
  const nextPem = await rotateToNextKey(app.id);
  await page
    .getByLabel("Or upload the certificate file (.pem, .cer, .crt)")
    .setInputFiles({ name: "next.pem", mimeType: "application/x-pem-file", buffer: Buffer.from(nextPem) });
  await expect(next).toHaveValue(/BEGIN CERTIFICATE/);
  await page.getByRole("button", { name: "Add next certificate" }).click();
  await expect(page.getByText(/^Added .*Sign-ins signed with any of the 2 certificates are accepted\./)).toBeVisible();
  await expect(certificates).toHaveCount(2);
  await expect(certificates.filter({ hasText: fingerprintOf(nextPem) })).toContainText("Last verified a sign-in: Never");
});
