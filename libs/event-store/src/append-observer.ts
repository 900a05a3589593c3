import { StoredEvent } from './stored-event';

/**
 * What the store tells whoever measures it (metrics, in the apps), so this library depends on no
 * metrics client. Every callback is optional and must not throw; a throw is swallowed, never the append's.
 */
export interface AppendObserver {
  /** One append (command) settled: its wait in the queue, its group's transaction, or its refusal included. */
  appendSettled?(seconds: number, outcome: 'ok' | 'refused' | 'failed'): void;
  /** A group transaction took the append lock (and read its snapshot) after waiting this long. */
  lockAcquired?(seconds: number): void;
  /** A group committed: how many commands it carried, and the events it wrote in position order. */
  groupCommitted?(commands: number, events: readonly StoredEvent[]): void;
}

/** Calls one observer callback, keeping its failure away from the append. */
export function tell<K extends keyof AppendObserver>(observer: AppendObserver | undefined, name: K, ...args: Parameters<NonNullable<AppendObserver[K]>>): void {
  try {
    (observer?.[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
  } catch {
    // Measuring must never fail a write.
  }
}
