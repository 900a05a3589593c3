import { hash, randomBytes } from 'node:crypto';

/** A new secret: 256 random bits, prefixed so that leaked keys are easy to grep for. */
export function generateApiKeySecret(): string {
  return `sdk_${randomBytes(32).toString('base64url')}`;
}

/** Every write hashes its key: the one-shot `hash` is about twice as fast as a createHash object. */
export function hashApiKeySecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/** The first characters, shown in listings so a key can be recognised without revealing it. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, 10);
}
