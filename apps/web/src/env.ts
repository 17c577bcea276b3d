import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL (start the app with `pnpm dev` to get the embedded database)" }),
  APP_URL: z
    .string()
    .url()
    .default("http://localhost:3000")
    .transform((u) => u.replace(/\/$/, "")),
  AUTH_SECRET: z.string().min(32, { message: "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)" }),
  ENCRYPTION_KEY: z.string().min(32, { message: "ENCRYPTION_KEY must be at least 32 characters (openssl rand -base64 32)" }),
  /**
   * Connections each server process may open to DATABASE_URL (its pool). Multiply by processes
   * (WEB_CONCURRENCY) and hosts, add Jackson's pool and the job runner's 4 per process, and keep
   * the total under PostgreSQL's max_connections.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Jackson's database; default: the main database's name + "_sso" on the same server. */
  SSO_DATABASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("Gatehouse <no-reply@gatehouse.local>"),
  /** Email outbox rows (who, what, when) older than this many days are deleted. */
  EMAIL_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /**
   * How many reverse proxies stand between the internet and the app, each appending the address
   * it received the request from to X-Forwarded-For. 0 (default): forwarded headers are ignored,
   * since any client can send them, and the client IP is unknown (recorded as none; per-IP
   * limits are off, per-email limits still apply). 1: behind one proxy (nginx, Caddy, Traefik, a
   * cloud load balancer); the app's own port must then be reachable only through it.
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /** Delivery attempts after the first failed one, over SMTP (the worker retries with backoff). */
  EMAIL_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
  /** Seconds before the first retry; each later one waits twice as long (30 s → about 16 min for 5). */
  EMAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(30),
  /** How often an idle worker looks for new jobs, in seconds (jobs queued on the same instance start at once). */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Shows the dev mailbox even in a production build (used by the end-to-end tests only). */
  ENABLE_DEV_MAILBOX: z.enum(["0", "1"]).optional(),
  /** How often SAML metadata URLs are re-read for new certificates; 0 turns it off. */
  SAML_METADATA_REFRESH_MINUTES: z.coerce.number().int().min(0).default(60),
  /**
   * May requests to admin-supplied URLs (metadata, discovery, token, JWKS) reach this machine?
   * Default: yes in development and test (the IdP sandbox is on localhost), no in production.
   */
  OUTBOUND_ALLOW_LOOPBACK: z.enum(["0", "1"]).optional(),
  /** May they reach private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7)? Default: no. */
  OUTBOUND_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  /**
   * DNS servers for domain verification, comma-separated "host" or "host:port" (IPv6 as
   * "[::1]:53"). Default: the system's resolvers. `pnpm dev` and the e2e tests point this at the
   * IdP sandbox's DNS server so `*.test` domains verify offline.
   */
  DNS_SERVERS: z
    .string()
    .optional()
    .refine((v) => !v || v.split(",").every((s) => /^(\[[0-9a-f:.]+\]|[0-9.]+|[0-9a-f:]+)(:\d{1,5})?$/i.test(s.trim())), {
      message: "DNS_SERVERS must be IP addresses with optional ports, comma-separated, like 127.0.0.1:5354,1.1.1.1",
    }),
  /** How long one DNS query may take before a check reports a timeout. */
  DNS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  /** SCIM requests each bearer token may make per minute before answers turn into 429 with Retry-After. */
  SCIM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Public REST API requests each API key may make per minute before answers turn into 429 with Retry-After. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Set by `pnpm dev`: the local IdP sandbox, linked from the console in development. */
  IDP_SANDBOX_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The validated environment, read on first use so `next build` does not need runtime secrets. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Gatehouse cannot start: bad environment.\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export const isDevMailboxEnabled = () => env().NODE_ENV !== "production" || env().ENABLE_DEV_MAILBOX === "1";
