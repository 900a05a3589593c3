/** The stream is not at the version the writer decided on. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`stream ${streamId} is at version ${currentVersion}, expected ${expectedVersion}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The idempotency key was used before for a different request. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`idempotency key ${key} was already used with a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}
