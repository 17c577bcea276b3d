import { randomBytes } from "node:crypto";

/** A sign-in waiting for the person to pick a user on the login screen. */
export interface PendingLogin {
  appId: string;
  /** AuthnRequest ID; absent for IdP-initiated sign-in. */
  requestId?: string;
  relayState?: string;
  createdAt: number;
}

const LIFETIME_MS = 30 * 60 * 1000;

/**
 * Keeps the AuthnRequest between the login screen and the response server-side, so the
 * browser only carries an opaque id and cannot tamper with InResponseTo or the ACS.
 */
export class PendingLogins {
  private readonly pending = new Map<string, PendingLogin>();

  add(login: Omit<PendingLogin, "createdAt">): string {
    this.sweep();
    const id = randomBytes(16).toString("base64url");
    this.pending.set(id, { ...login, createdAt: Date.now() });
    return id;
  }

  get(id: string): PendingLogin | undefined {
    const login = this.pending.get(id);
    if (!login || Date.now() - login.createdAt > LIFETIME_MS) return undefined;
    return login;
  }

  /** Single use: a reloaded or replayed login form must not mint a second response. */
  take(id: string): PendingLogin | undefined {
    const login = this.get(id);
    this.pending.delete(id);
    return login;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, login] of this.pending) {
      if (now - login.createdAt > LIFETIME_MS) this.pending.delete(id);
    }
  }
}
