/**
 * Liveness for load balancers and process managers: answers while this process serves requests,
 * reading nothing (no database, no cookie), so a busy PostgreSQL does not take instances out.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
