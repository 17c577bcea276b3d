/**
 * Runs once per server process: starts this instance's job workers (email delivery, periodic
 * sweeps such as the SAML metadata refresh) and stops them on shutdown. Every replica runs
 * workers; the queue in PostgreSQL makes each job run once.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobs } = await import("./server/jobs");
  try {
    await startJobs();
  } catch (error) {
    // Without workers emails are sent inside requests again (the mailer's fallback) and sweeps wait.
    console.error(`[jobs] the job runner did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
