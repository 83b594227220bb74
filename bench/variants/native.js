'use strict';
/** The subject as written: the engine's own generators and async functions. */
module.exports = {
  id: 'native',
  description: 'the case source as written, run by V8',
  optional: false,
  lower: (source) => source,
};
