'use strict';
/**
 * The variants every case is measured in, in the order the tables show them.
 *
 * A variant turns a case's subject module (the suspend functions under test)
 * into the module that variant runs. The case's driver (the code that calls
 * them) is the same text for every variant.
 *
 * Contract of a variant:
 *   id           name in tables, in `--variant`, and in `subject.<id>.js` files
 *   description  one line for BENCHMARKS.md
 *   optional     a failure of this variant is reported as "n/a" with the
 *                reason and does not fail the run (only coro: it is the
 *                thing under construction); a failure of any other variant
 *                is a harness error
 *   lower(source, { filename, repoRoot })
 *                returns the module text built from the case's `subject.js`,
 *                or is absent when the variant only runs a case's own
 *                `subject.<id>.js`; throws VariantUnavailable for an
 *                expected "cannot run" (e.g. compiler not built yet)
 */
module.exports = [
  require('./native'),
  require('./hand-written'),
  require('./coro'),
  require('./regenerator'),
  require('./typescript-es5'),
];
