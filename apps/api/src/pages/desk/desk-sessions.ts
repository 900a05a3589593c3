import { Injectable } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that names a desk session: an opaque id, never the key. */
export const SESSION_COOKIE = 'saydo_desk';
/** A working day: an editor signs in again the next morning. */
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface DeskSession {
  id: string;
  /** The API key, kept in this process only: every request re-authenticates it, so a revoked key stops working at once. */
  apiKey: string;
  /** Synchronizer token: every form carries it, every POST must bring it back. */
  csrfToken: string;
  expiresAt: number;
}

/**
 * Desk sessions, held in memory: the browser only ever holds the session id. A restart signs
 * everybody out, and several API instances behind a balancer would need sticky sessions.
 */
@Injectable()
export class DeskSessions {
  private readonly sessions = new Map<string, DeskSession>();

  open(apiKey: string, now = Date.now()): DeskSession {
    this.sweep(now);
    const session = { id: randomBytes(32).toString('base64url'), apiKey, csrfToken: randomBytes(32).toString('base64url'), expiresAt: now + SESSION_TTL_MS };
    this.sessions.set(session.id, session);
    return session;
  }

  find(cookieHeader: string | undefined, now = Date.now()): DeskSession | null {
    const id = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9_-]{1,100})`).exec(cookieHeader ?? '')?.[1];
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return null;
    if (session.expiresAt <= now) {
      this.sessions.delete(session.id);
      return null;
    }
    return session;
  }

  close(session: DeskSession): void {
    this.sessions.delete(session.id);
  }

  private sweep(now: number): void {
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}

/** Constant-time comparison of the form's token with the session's. */
export function csrfTokenMatches(session: DeskSession, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(session.csrfToken)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sessionCookie(session: DeskSession): string {
  return `${SESSION_COOKIE}=${session.id}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=${Math.floor((session.expiresAt - Date.now()) / 1000)}`;
}

export const CLEARED_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=0`;
