/**
 * The `coroutineBudget` option of the integrations, checked where it is
 * configured: the loop iterations after which a coroutine gives the other
 * tasks a turn (`transform`'s `coroutineBudget`; docs/coroutines.md,
 * "Starvation").
 *
 * Example:
 *   coroutineBudget('@coro/jest: coroutineBudget', 1000)   // → 1000
 *   coroutineBudget('@coro/jest: coroutineBudget', '1e3')  // throws: must be a whole number of loop iterations above 0
 *
 * Implementation:
 *   A number, as configuration files give it; the CLI parses its flag's text
 *   first. The compiler checks it again, but reports it against the first
 *   file it lowers, where a misspelt configuration should fail at once.
 */

export function coroutineBudget(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${option} must be a whole number of loop iterations above 0, such as 1000; got ${JSON.stringify(value)}`);
  }
  return value;
}
