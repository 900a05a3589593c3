import { createHash } from 'node:crypto';
import { FastifyReply, FastifyRequest } from 'fastify';
import { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { chooseLocale, Locale } from '../i18n/locale';
import { PageTime } from './page-context';

/** A year: what never changes may be cached for good. */
const PINNED = 'public, max-age=31536000, immutable';
/** Live pages move with the log; a short lifetime and revalidation keep a cache in front useful. */
const LIVE = 'public, max-age=30, must-revalidate';

export interface PageRequest {
  locale: Locale;
  origin: string;
  path: string;
  search: URLSearchParams;
  time: PageTime;
}

/** Reads what every page needs from the request: language, origin, path, moment. */
export function pageRequest(request: FastifyRequest, query: { lang?: string; knownAt?: string; asOf?: string; date?: string }): PageRequest {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  return {
    locale: chooseLocale(query.lang, request.headers.cookie, request.headers['accept-language']),
    origin: url.origin,
    path: url.pathname,
    search: url.searchParams,
    time: { knownAt: query.knownAt, asOf: query.asOf, date: query.date },
  };
}

/**
 * True when the answer can never change: pinned at a log position the answer really reflects
 * (a knownAt beyond the log is clamped to the head, and would move).
 */
export function isPinned(time: PageTime, answerPosition: number): boolean {
  return !!time.knownAt && /^\d+$/.test(time.knownAt) && Number(time.knownAt) === answerPosition;
}

export interface Validator {
  /** Pinned answers: their content hash. Live ones: what the answer depends on (position, day). */
  tag: string;
  pinned: boolean;
}

/** Sends a rendered document (or 304) with caching headers, an ETag per language and `Vary` on what chose the language. */
export function sendDocument(request: FastifyRequest, reply: FastifyReply, page: PageRequest, validator: Validator, contentType: string, render: () => string): FastifyReply {
  const etag = `"${createHash('sha256').update(`${validator.tag}|${page.locale}|${request.url}`).digest('base64url').slice(0, 32)}"`;
  reply.header('Cache-Control', validator.pinned ? PINNED : LIVE).header('ETag', etag).header('Vary', 'Accept-Language, Cookie');
  if (page.search.has('lang')) reply.header('Set-Cookie', `lang=${page.locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return reply.status(304).send();
  return reply.type(contentType).send(render());
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: PageRequest, validator: Validator, vnode: () => VNode): FastifyReply {
  return sendDocument(request, reply, page, validator, 'text/html; charset=utf-8', () => `<!DOCTYPE html>${renderToString(vnode())}`);
}

/** The validator of a live answer: it changes with the log position and with the day statuses are judged on. */
export function liveTag(position: number): string {
  return `live:${position}:${new Date().toISOString().slice(0, 10)}`;
}

/** Pinned answers are validated by their content hash; live ones by what they depend on. */
export function validatorOf(time: PageTime, answer: { position: number; contentHash: string }): Validator {
  const pinned = isPinned(time, answer.position);
  return { pinned, tag: pinned ? answer.contentHash : liveTag(answer.position) };
}
