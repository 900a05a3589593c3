import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The pre-session cookie the sign-in form's token is bound to. */
export const SIGN_IN_COOKIE = 'saydo_desk_signin';
/** Long enough to fetch a key from a password manager, short enough not to linger. */
const SIGN_IN_TTL_S = 60 * 60;
const NONCE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Login CSRF protection for the one desk form that has no session yet: a signed double-submit
 * token. The browser holds a random nonce in an HttpOnly, SameSite=Strict cookie; the form carries
 * HMAC(secret, nonce). A third-party page can neither read the cookie nor compute the token, so it
 * cannot sign a victim into the desk under the attacker's key. The secret lives in this process,
 * like the sessions themselves: a restart only means reloading the sign-in form.
 */
@Injectable()
export class SignInCsrf {
  private readonly secret = randomBytes(32);

  /** The token for the sign-in form, and the cookie to set when the browser holds no nonce yet. */
  issue(cookieHeader: string | undefined): { token: string; setCookie: string | null } {
    const held = nonceOf(cookieHeader);
    const nonce = held ?? randomBytes(32).toString('base64url');
    return { token: this.sign(nonce), setCookie: held ? null : `${SIGN_IN_COOKIE}=${nonce}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=${SIGN_IN_TTL_S}` };
  }

  /** Whether the posted token is the signature of the nonce this browser holds, compared in constant time. */
  matches(cookieHeader: string | undefined, sent: unknown): boolean {
    const nonce = nonceOf(cookieHeader);
    if (!nonce || typeof sent !== 'string') return false;
    const [a, b] = [Buffer.from(sent), Buffer.from(this.sign(nonce))];
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.secret).update(`desk-sign-in:${nonce}`).digest('base64url');
  }
}

function nonceOf(cookieHeader: string | undefined): string | null {
  const value = new RegExp(`(?:^|;\\s*)${SIGN_IN_COOKIE}=([^;]*)`).exec(cookieHeader ?? '')?.[1];
  return value && NONCE.test(value) ? value : null;
}

/** Signed in: the pre-session nonce has done its work. */
export const CLEARED_SIGN_IN_COOKIE = `${SIGN_IN_COOKIE}=; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=0`;
