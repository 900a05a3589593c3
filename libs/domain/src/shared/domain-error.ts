/**
 * A broken business rule. `code` is stable (clients and the HTTP problem `type` rely on it);
 * `kind` tells the edge which status class fits: a conflict with existing history (409)
 * or a request that can never succeed as written (422).
 */
export type DomainErrorKind = 'conflict' | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'unprocessable',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
