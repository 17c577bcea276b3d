import { startSmtpCapture } from "./smtp-capture";

// Run standalone for end-to-end tests: the app sends to SMTP_CAPTURE_PORT and the Playwright
// process reads mail from SMTP_CAPTURE_HTTP_PORT.
const capture = await startSmtpCapture({
  smtpPort: portFromEnv("SMTP_CAPTURE_PORT", 1025),
  httpPort: portFromEnv("SMTP_CAPTURE_HTTP_PORT", 1080),
});
console.log(`SMTP capture ready\n  SMTP: ${capture.smtpUrl}\n  HTTP: ${capture.httpUrl}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    capture.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number (0-65535), got ${JSON.stringify(raw)}`);
    process.exit(1);
  }
  return port;
}
