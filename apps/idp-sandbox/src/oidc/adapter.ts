/// <reference path="../types/oidc-provider.d.ts" />
import type { Adapter, AdapterPayload } from "oidc-provider";

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * One store per provider instance. oidc-provider's bundled memory adapter is an LRU
 * shared by every provider in the process, which would let clients be evicted and let
 * one profile see another profile's sessions.
 */
export class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sessionsByUid = new Map<string, string>();
  private readonly byUserCode = new Map<string, string>();
  private writesSinceSweep = 0;

  /** oidc-provider calls this with each model name (Client, Session, AccessToken, …). */
  readonly adapterFactory = (model: string): Adapter => new MemoryAdapter(this, model);

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresInSeconds?: number): void {
    const expiresAt = expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : Infinity;
    this.entries.set(key, { payload, expiresAt });
    // Expired tokens are otherwise only dropped when read; a long dev session would pile them up.
    if (++this.writesSinceSweep >= 500) this.sweep();
  }

  private sweep(): void {
    this.writesSinceSweep = 0;
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  indexSessionUid(uid: string, id: string): void {
    this.sessionsByUid.set(uid, id);
  }

  sessionIdForUid(uid: string): string | undefined {
    return this.sessionsByUid.get(uid);
  }

  indexUserCode(userCode: string, id: string): void {
    this.byUserCode.set(userCode, id);
  }

  idForUserCode(userCode: string): string | undefined {
    return this.byUserCode.get(userCode);
  }

  deleteByGrantId(grantId: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.payload.grantId === grantId) this.entries.delete(key);
    }
  }

  /** Registers a client the provider will find through `Client.find` like any stored client. */
  putClient(metadata: AdapterPayload & { client_id: string }): void {
    this.set(`Client:${metadata.client_id}`, metadata);
  }
}

class MemoryAdapter implements Adapter {
  constructor(
    private readonly store: MemoryStore,
    private readonly model: string,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    if (this.model === "Session" && payload.uid) this.store.indexSessionUid(payload.uid, id);
    if (payload.userCode) this.store.indexUserCode(payload.userCode, id);
    this.store.set(this.key(id), payload, expiresIn);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const id = this.store.sessionIdForUid(uid);
    return id ? this.find(id) : undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const id = this.store.idForUserCode(userCode);
    return id ? this.find(id) : undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.deleteByGrantId(grantId);
  }
}
