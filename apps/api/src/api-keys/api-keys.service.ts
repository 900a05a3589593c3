import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiKeyEntity, ApiKeyRole, AppConfig } from '@saydo/platform';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Principal } from '../auth/principal';
import { generateApiKeySecret, hashApiKeySecret, secretPrefix } from './api-key-secret';
import { VerifiedKeyCache } from './verified-key-cache';

export interface CreatedApiKey {
  id: string;
  name: string;
  role: ApiKeyRole;
  /** Shown once; only its hash is kept. */
  key: string;
  createdAt: string;
}

@Injectable()
export class ApiKeysService {
  /** Every write carries a key: checking it in the database each time cost a round trip per request. */
  private readonly verified: VerifiedKeyCache;
  /** Bumped by each revocation, so a check that was in flight across one does not cache what it read before. */
  private revocations = 0;

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.verified = new VerifiedKeyCache(config.API_KEY_CACHE_TTL_MS);
  }

  async authenticate(secret: string): Promise<Principal | null> {
    const keyHash = hashApiKeySecret(secret);
    const cached = this.verified.get(keyHash);
    if (cached) return cached;
    const revocationsBefore = this.revocations;
    const key = await this.keys.findOne({ where: { keyHash, revokedAt: IsNull() } });
    if (!key) return null;
    const principal: Principal = { keyId: key.id, name: key.name, role: key.role };
    if (this.revocations === revocationsBefore) this.verified.remember(keyHash, principal);
    return principal;
  }

  async create(name: string, role: ApiKeyRole, createdBy: string | null, secret = generateApiKeySecret()): Promise<CreatedApiKey> {
    const entity = this.keys.create({ id: randomUUID(), name, role, keyHash: hashApiKeySecret(secret), keyPrefix: secretPrefix(secret), createdBy, createdAt: new Date(), revokedAt: null });
    await this.keys.insert(entity);
    return { id: entity.id, name, role, key: secret, createdAt: entity.createdAt.toISOString() };
  }

  /** Returns false when no live key has this id. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.revocations += 1;
    this.verified.forgetKeyId(id);
    return (result.affected ?? 0) > 0;
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'ASC' } });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.keys.count()) === 0;
  }
}
