/**
 * The thread `transform` hands a file to when the main thread's stack ran
 * out (large-stack.ts): the same transform on a large stack.
 *
 * ## Implementation
 * The reply is what `structuredClone` keeps: the source map travels as its
 * fields and gets its `toString` back on the caller's side; an internal
 * error travels as the error it was, rethrown there.
 */
import { workerData } from 'worker_threads';
import { replyToCaller, type LargeStackCall } from './large-stack';
import { transformWithinStack, type TransformOptions } from './transform';

const call = workerData as LargeStackCall;
const { code, options } = call.input as { code: string; options: TransformOptions };
try {
  const result = transformWithinStack(code, options);
  replyToCaller(call, { result: result && { ...result, map: result.map && { ...result.map } } });
} catch (thrown) {
  replyToCaller(call, { thrown });
}
