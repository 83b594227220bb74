'use strict';
/**
 * Thrown by a variant that cannot produce its module for a known reason (its
 * compiler is not built, or reported diagnostics). The harness shows the
 * variant as "n/a" with `reason`.
 */
class VariantUnavailable extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'VariantUnavailable';
    this.reason = reason;
  }
}

module.exports = { VariantUnavailable };
