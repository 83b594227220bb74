'use strict';
/**
 * The subject's work written by hand per case in `subject.hand-written.js`:
 * an iterator object instead of a generator, promise `then` chains instead of
 * an async function. The practical limit of what a lowering can reach.
 */
module.exports = {
  id: 'hand-written',
  description:
    'the same work written by hand per case (`subject.hand-written.js`): an iterator object, or promise `then` chains for async work; the practical limit',
  optional: false,
};
