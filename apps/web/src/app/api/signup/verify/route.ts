import type { NextRequest, NextResponse } from "next/server";
import { completeSignUp } from "@gatehouse/core";
import { attachSessionCookie } from "@/auth/session-cookie";
import { db } from "@/server/context";
import { requestInfo, seeOther } from "@/server/sso-outcome";

/** The sign-up verification link: the login is created, signed in, and asked for its workspace. */
export async function GET(request: NextRequest) {
  const token = (request.nextUrl.searchParams.get("token") ?? "").slice(0, 100);
  const info = requestInfo(request);
  const result = await completeSignUp({ db: db() }, { token, ip: info.ip, userAgent: info.userAgent });
  if (!result.ok) return seeOther(`/signup/workspace?${new URLSearchParams({ error: "link" }).toString()}`);
  const response: NextResponse = seeOther("/signup/workspace");
  await attachSessionCookie(response, result.value.sessionId);
  return response;
}
