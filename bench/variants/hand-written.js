'use strict';
/**
 * A hand-written iterator object doing the same work as the subject, written
 * per case in `subject.hand-written.js`: the practical limit of what a
 * lowering can reach.
 */
module.exports = {
  id: 'hand-written',
  description: 'an iterator object written by hand per case (`subject.hand-written.js`): the practical limit',
  optional: false,
};
