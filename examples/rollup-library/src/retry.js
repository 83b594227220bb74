// Runs an async task again when it fails, up to a number of attempts.

/**
 * @template T
 * @param {(attempt: number) => Promise<T>} task
 * @param {{ attempts: number, onFailure?: (error: unknown, attempt: number) => void }} options
 * @returns {Promise<T>}
 */
export async function retry(task, { attempts, onFailure }) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      lastError = error;
      onFailure?.(error, attempt);
    }
  }
  throw new Error(`gave up after ${attempts} attempts`, { cause: lastError });
}
