/**
 * Called by a report query just before it reads a history and folds it (never when a kept fold
 * serves it): the HTTP routes take their place among the folds in flight there, and a refusal
 * thrown from it ends the query before any history is read. May be called more than once per query
 * (a comparison folds several stakeholders); the caller makes repeated calls cheap.
 */
export type BeforeFold = () => void | Promise<void>;
