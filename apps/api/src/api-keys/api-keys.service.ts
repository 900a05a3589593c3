import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiKeyEntity, ApiKeyRole } from '@saydo/platform';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Principal } from '../auth/principal';
import { generateApiKeySecret, hashApiKeySecret, secretPrefix } from './api-key-secret';

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
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  async authenticate(secret: string): Promise<Principal | null> {
    const key = await this.keys.findOne({ where: { keyHash: hashApiKeySecret(secret), revokedAt: IsNull() } });
    return key ? { keyId: key.id, name: key.name, role: key.role } : null;
  }

  async create(name: string, role: ApiKeyRole, createdBy: string | null, secret = generateApiKeySecret()): Promise<CreatedApiKey> {
    const entity = this.keys.create({ id: randomUUID(), name, role, keyHash: hashApiKeySecret(secret), keyPrefix: secretPrefix(secret), createdBy, createdAt: new Date(), revokedAt: null });
    await this.keys.insert(entity);
    return { id: entity.id, name, role, key: secret, createdAt: entity.createdAt.toISOString() };
  }

  /** Returns false when no live key has this id. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'ASC' } });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.keys.count()) === 0;
  }
}
