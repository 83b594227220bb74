// abstract-level ships its own test suite (test/, the suite every level
// implementation runs); test/self.js runs it with tape against the
// library's minimal implementations: iterators and async iterators ended
// early, deferred open, hooks, sublevels, snapshots and errors, about 6,800
// assertions. tape stays native; the suite and the library are lowered.
require('abstract-level/test/self.js');
