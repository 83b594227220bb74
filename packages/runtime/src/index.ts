/**
 * `@coro/runtime`: what lowered generators call.
 *
 * ## Example
 *
 * ```js
 * var $coro = require('@coro/runtime');
 * $coro.linkGenerator(count, count$Frame);
 * ```
 *
 * ## Implementation
 *
 * Re-exports only; one concept per module. Every export but `inlineRuntime`
 * (which runs in the compiler) can be inlined into lowered output.
 *
 * ## References
 *
 * - docs/architecture.md, "Emitted code ↔ runtime contract"
 */
export { GeneratorPrototype } from './generatorPrototype';
export { linkGenerator } from './linkGenerator';
export { resumeGenerator } from './resumeGenerator';
export { delegate } from './delegate';
export { getIterator, iteratorNext, closeIterator, closeIteratorOnThrow } from './iteratorProtocol';
export { toPropertyKey } from './propertyKey';
export { inlineRuntime } from './inlineRuntime';
export type { GeneratorFrame, ResumeMode, StepFunction } from './frame';
