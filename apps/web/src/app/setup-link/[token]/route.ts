import { NextResponse, type NextRequest } from "next/server";
import { openSetupLink } from "@gatehouse/core";
import { env } from "@/env";
import { db } from "@/server/context";
import { ipFromHeaders } from "@/server/request";
import { keepSetupLinkToken } from "@/server/sso-setup-access";

/** The link in the setup email: keeps its token for the /setup pages and opens them. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = await openSetupLink({ db: db() }, { token, ip: ipFromHeaders(request.headers) });
  if (!opened.ok) return NextResponse.redirect(new URL(`/setup-link/refused?reason=${opened.error}`, env().APP_URL), 303);
  await keepSetupLinkToken(token, opened.value.link.expiresAt);
  return NextResponse.redirect(new URL("/setup", env().APP_URL), 303);
}
