export { linkGenerator, notAConstructor, adoptPrototype, getIterator, iteratorNext, closeIteratorOnThrow, closeIterator } from '@coro/runtime';
