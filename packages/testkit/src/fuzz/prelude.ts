/**
 * The helpers every fuzz program starts with.
 *
 * ## Example
 * ```js
 * settle('c0 r0', f1(2));              // later prints "c0 r0 -> 3" or "c0 r0 rejected Error(boom0)"
 * await astep('c1 it0', it0, 'next', 1); // prints "c1 it0 next(1) -> 2" once the request settles
 * ticker('c0', 3);                      // prints "c0 tick 1", "c0 tick 2", "c0 tick 3", one per promise job
 * ```
 *
 * ## Implementation
 * Each helper turns one observable event into one trace line, so that native
 * and lowered runs can be compared line by line. None of them is a suspend
 * function (they use `then`, never `await`), so the compiler leaves the
 * prelude as it is and report.ts can cut it out of the lowered code.
 *
 * Engine errors print their kind only: the text of a TypeError differs
 * between V8 and the runtime, its kind must not. Errors the program throws
 * itself are plain `Error`s and print their message.
 *
 * Every declaration of a script is hoisted, so the global names that exist
 * when the prelude starts are all the program (and its lowering) declares;
 * `callFns` prints any name that appeared later: a binding the lowering
 * forgot to declare, which sloppy code turns into a global silently.
 *
 * Promise helpers count jobs exactly: `later(v, n)` fulfills `n` jobs after a
 * resolved promise would, a thenable prints when its `then` is called, and
 * `ticker` prints once per job, so an `await` that takes one job more or less
 * than native moves lines in the trace. A computed key made by `toKey` prints
 * when ToPropertyKey converts it, so a key converted early or late does too.
 * A program may turn a function into a string (`f + 1`): every function's
 * text is then `function`, since a lowered function's, and that of one
 * nested in it that reads its bindings, is the machine's (a known gap, see
 * the README and fixture source-text-of-nested-functions).
 * `SuperBase`, which a method holder extends when its methods call
 * `super.m(…)` or `super[toKey(1)](…)`, answers (as instance and as static
 * method) the `k` of the `this` it was called with, and its arguments.
 * `box.m` returns whether it was called with `box` as `this`, and its
 * arguments; `nothing` is what an optional chain short-circuits on.
 * A helper that makes a rejected promise always hands it on (to its caller,
 * or to `resolve`/`reject` of a thenable), so that no rejection is left
 * unhandled by the prelude itself.
 */
export const PRELUDE = `var fns = [];
Function.prototype.toString = function () { return 'function'; };
var initialGlobals = Object.keys(globalThis);
function show(v, depth) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'function') return 'function';
  if (v === null || typeof v !== 'object') return String(v);
  // A getter can return its own object: a value is shown five levels deep, not until the stack runs out.
  var inner = (depth || 0) + 1;
  if (inner > 5) return '…';
  if (Array.isArray(v)) return '[' + v.map(function (e) { return show(e, inner); }).join(',') + ']';
  if (Object.getPrototypeOf(v) !== Object.prototype) return Object.prototype.toString.call(v);
  return '{' + Object.keys(v).map(function (k) { return k + ':' + show(v[k], inner); }).join(',') + '}';
}
function describe(e) {
  if (e !== null && typeof e === 'object' && typeof e.message === 'string') {
    return e.name === 'Error' ? 'Error(' + e.message + ')' : String(e.name);
  }
  return 'value ' + show(e);
}
function log(tag) {
  var parts = [tag];
  for (var i = 1; i < arguments.length; i++) parts.push(show(arguments[i]));
  console.log(parts.join(' '));
}
function caught(tag, e) { console.log(tag + ' caught ' + describe(e)); }
function pair(a, b) { return [a, b]; }
function toKey(v) {
  return { toString: function () { var key = show(v); console.log('key ' + key); return key; } };
}
function step(tag, it, method, value) {
  var label = tag + ' ' + method + '(' + show(value) + ')';
  try {
    var r = it[method](value);
    console.log(label + ' -> ' + show(r.value) + (r.done ? ' done' : ''));
    return r;
  } catch (e) {
    console.log(label + ' threw ' + describe(e));
    return null;
  }
}
function drain(tag, it) {
  for (var n = 0; n < 40; n++) {
    var r = step(tag, it, 'next', undefined);
    if (r === null || r.done) return;
  }
}
function callFns(tag) {
  console.log(tag + ' fns ' + fns.map(function (f) {
    try { return show(f()); } catch (e) { return 'threw ' + describe(e); }
  }).join(','));
  var leaked = Object.keys(globalThis).filter(function (k) { return initialGlobals.indexOf(k) < 0; });
  if (leaked.length > 0) console.log(tag + ' leaked globals ' + leaked.join(','));
}
function identity(v) { return v; }
var nothing = null;
class SuperBase {}
SuperBase.m = SuperBase[1] = SuperBase.prototype.m = SuperBase.prototype[1] = function () {
  return pair(this.k, Array.prototype.slice.call(arguments));
};
var box = { m: function () { return pair(this === box, Array.prototype.slice.call(arguments)); } };
function later(v, n) {
  var p = Promise.resolve(v);
  for (var i = 0; i < n; i++) p = p.then(identity);
  return p;
}
function laterReject(v, n) {
  var p = Promise.reject(v);
  for (var i = 0; i < n; i++) p = p.then(identity);
  return p;
}
function thenable(v, n) {
  return { then: function (resolve, reject) {
    console.log('then ' + show(v));
    if (n > 0) later(v, n - 1).then(resolve, reject); else resolve(v);
  } };
}
function rejecting(v) {
  return { then: function (resolve, reject) { console.log('then rejects ' + show(v)); reject(v); } };
}
function throwing(v) {
  return { then: function () { console.log('then throws ' + show(v)); throw v; } };
}
function handled(p) { p.then(undefined, identity); return p; }
function ticker(tag, n) {
  var i = 0;
  function tick() {
    if (i < n) { console.log(tag + ' tick ' + ++i); Promise.resolve().then(tick); }
  }
  Promise.resolve().then(tick);
}
function settle(tag, p) {
  if (Object.getPrototypeOf(p) !== Promise.prototype) console.log(tag + ' is not a native promise: ' + show(p));
  p.then(function (v) { console.log(tag + ' -> ' + show(v)); }, function (e) { console.log(tag + ' rejected ' + describe(e)); });
}
function run(tag, f) { settle(tag, f()); }
function astep(tag, it, method, value) {
  var label = tag + ' ' + method + '(' + show(value) + ')';
  var p;
  try {
    p = it[method](value);
  } catch (e) {
    console.log(label + ' threw ' + describe(e));
    return Promise.resolve(null);
  }
  return p.then(function (r) {
    try {
      console.log(label + ' -> ' + show(r.value) + (r.done ? ' done' : ''));
      return r;
    } catch (e) {
      console.log(label + ' gave a bad result ' + describe(e));
      return null;
    }
  }, function (e) {
    console.log(label + ' rejected ' + describe(e));
    return null;
  });
}
function adrain(tag, it) {
  var n = 0;
  function next(r) {
    if (r === null || typeof r !== 'object' || r.done || n++ >= 40) return null;
    return astep(tag, it, 'next', undefined).then(next);
  }
  return next({ done: false });
}
function lateCheck() { later(undefined, 60).then(function () { callFns('late'); }); }
`;
