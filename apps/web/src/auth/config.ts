import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import {
  authenticatePassword,
  checkSignInMethod,
  createSession,
  mfaStepForSignIn,
  resolveSession,
  signOutSession,
  type ResolvedSession,
} from "@gatehouse/core";
import { sameSiteRedirect } from "@/lib/safe-callback-url";
import { coreContext } from "@/server/context";
import { mfaContext, readRememberedDevice } from "@/server/mfa";
import { clientIp, ipFromHeaders } from "@/server/request";
import { signInSchema } from "@/lib/validators/auth";
import { env } from "@/env";
import { SSO_REQUIRED, type SsoRequiredRefusal } from "./sso-required";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class RateLimited extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `rate_limited:${minutes}`;
  }
}

/** Right password, but every account of the user requires SSO: the message and the accounts travel to /login in the code. */
class SsoRequired extends CredentialsSignin {
  constructor(refusal: SsoRequiredRefusal) {
    super();
    this.code = `${SSO_REQUIRED}${JSON.stringify(refusal)}`;
  }
}

declare module "next-auth" {
  interface Session {
    gatehouse?: ResolvedSession;
  }
  interface User {
    sessionId?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

/**
 * next-auth owns the cookie and the sign-in routes; our sessions table owns the session. The
 * (encrypted) JWT holds only the session id, and every read looks that row up, so a deleted row
 * signs the browser out on its next request on any app instance.
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const ctx = coreContext();
        const ip = ipFromHeaders(request.headers);
        const result = await authenticatePassword(ctx, { ...parsed.data, ip });
        if (!result.ok) {
          if (result.error.code === "rate_limited") throw new RateLimited(result.error.retryAfterMinutes);
          throw new InvalidCredentials();
        }
        const policy = await checkSignInMethod(ctx, { userId: result.value.userId, method: "password" });
        if (!policy.allowed) throw new SsoRequired({ message: policy.message, accounts: policy.ssoAccounts.map(({ name, slug }) => ({ name, slug })) });
        // An enrolled user (or one an account requires MFA of) gets a session that grants nothing
        // until /login/mfa is done.
        const { userId, email } = result.value;
        const mfaStep = await mfaStepForSignIn(mfaContext(), {
          userId,
          rememberedDeviceToken: await readRememberedDevice(),
          actor: { userId, label: email, ip },
        });
        const sessionId = await createSession(ctx, {
          userId: result.value.userId,
          method: "password",
          grantedAccountIds: policy.grantedAccountIds,
          mfaStep,
          ip,
          userAgent: request.headers.get("user-agent"),
        });
        return { id: result.value.userId, email: result.value.email, sessionId };
      },
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes (redirectTo, ?callbackUrl= on its own routes) stays on this site.
    redirect({ url, baseUrl }) {
      return sameSiteRedirect(url, baseUrl);
    },
    jwt({ token, user }) {
      if (user?.sessionId) return { sub: token.sub, sid: user.sessionId };
      return token;
    },
    async session({ session, token }) {
      const resolved = token.sid ? await resolveSession(coreContext(), token.sid) : null;
      return {
        ...session,
        user: resolved ? { ...session.user, email: resolved.user.email, name: resolved.user.name } : session.user,
        gatehouse: resolved ?? undefined,
      };
    },
  },
  events: {
    // next-auth's own POST /api/auth/signout only clears the cookie; a copy of the cookie would
    // keep working while the session row lives. End the row, whoever asked for the sign-out.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await signOutSession(coreContext(), sid, await clientIp().catch(() => null));
    },
  },
  logger: {
    // A wrong password is an expected outcome, already audited; don't print a stack for it.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({ ...authConfig, secret: env().AUTH_SECRET }));
