import { createHash, randomBytes } from 'node:crypto';

/** A new secret: 256 random bits, prefixed so that leaked keys are easy to grep for. */
export function generateApiKeySecret(): string {
  return `sdk_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The first characters, shown in listings so a key can be recognised without revealing it. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, 10);
}
