import { DerivedDateMismatch, derivedDateMismatch } from './derived-dates';
import { chainHash } from './hash-chain';
import { StoredEvent } from './stored-event';

/** A published head of the log: position and hash, kept outside the system. */
export interface Anchor {
  position: number;
  hash: string;
}

export type ChainBreak =
  | { position: number; reason: 'hash-mismatch'; expectedHash: string; storedHash: string }
  | { position: number; reason: 'missing-position'; found: number }
  | { position: number; reason: 'anchor-mismatch'; anchorHash: string; computedHash: string }
  | { position: number; reason: 'anchor-beyond-head'; head: number }
  | { position: number; reason: 'anchor-before-range'; from: number }
  | ({ position: number; reason: 'derived-date-mismatch' } & DerivedDateMismatch);

export interface ChainVerdict {
  valid: boolean;
  from: number;
  to: number;
  checked: number;
  headHash: string;
  firstBreak: ChainBreak | null;
}

/**
 * Recomputes the chain event by event: each hash must cover the previous one and the event's
 * canonical form, positions must follow each other with no hole. An edited row breaks its own
 * hash, a deleted one leaves a hole, reordered rows break both. A history rewritten with fresh
 * hashes throughout is only caught against an anchor published earlier. The date bounds outside
 * the hash are recomputed from the hashed `occurredAt` and must match.
 */
export class ChainVerifier {
  private previousHash: string;
  private expectedPosition: number;
  private checked = 0;
  private firstBreak: ChainBreak | null = null;

  constructor(
    private readonly from: number,
    previousHash: string,
  ) {
    this.previousHash = previousHash;
    this.expectedPosition = from;
  }

  /** Feeds the next events in position order; returns false once the chain is broken. */
  accept(events: readonly StoredEvent[]): boolean {
    for (const event of events) {
      if (this.firstBreak) return false;
      if (event.position !== this.expectedPosition) {
        this.firstBreak = { position: this.expectedPosition, reason: 'missing-position', found: event.position };
        return false;
      }
      const expectedHash = chainHash(this.previousHash, event);
      if (expectedHash !== event.hash) {
        this.firstBreak = { position: event.position, reason: 'hash-mismatch', expectedHash, storedHash: event.hash };
        return false;
      }
      const mismatch = derivedDateMismatch(event);
      if (mismatch) {
        this.firstBreak = { position: event.position, reason: 'derived-date-mismatch', ...mismatch };
        return false;
      }
      this.previousHash = event.hash;
      this.expectedPosition += 1;
      this.checked += 1;
    }
    return true;
  }

  /**
   * The verdict, checked against an anchor when one is given. An anchor before the checked range
   * proves nothing about it: that is a break, never a valid verdict with nothing compared.
   */
  verdict(anchor?: Anchor): ChainVerdict {
    const to = this.expectedPosition - 1;
    if (!this.firstBreak && anchor) {
      if (anchor.position < this.from) this.firstBreak = { position: anchor.position, reason: 'anchor-before-range', from: this.from };
      else if (anchor.position > to) this.firstBreak = { position: anchor.position, reason: 'anchor-beyond-head', head: to };
      else if (anchor.position === to && anchor.hash !== this.previousHash) {
        this.firstBreak = { position: anchor.position, reason: 'anchor-mismatch', anchorHash: anchor.hash, computedHash: this.previousHash };
      }
    }
    return { valid: this.firstBreak === null, from: this.from, to, checked: this.checked, headHash: this.previousHash, firstBreak: this.firstBreak };
  }
}

