'use strict';
"use coroutine";
var $coro = require("@coro/runtime");
var $coroutines = require("@coro/runtime/coroutines");

$coroutines.linkTaskFrame(chain$Frame, chain$step, "chain", "bench/cases/coroutine-call-chain/subject.js", [1, "6:17"]);
var chain = $coroutines.linkCoroutine({ chain(depth, value) { return $coroutines.startCoroutine(new chain$Frame(depth, value)); } }.chain, chain$Frame);
$coroutines.linkTaskFrame(repeatChains$Frame, repeatChains$step, "repeatChains", "bench/cases/coroutine-call-chain/subject.js", [2, "12:43"]);
var repeatChains = $coroutines.linkCoroutine({ repeatChains(chains, depth) { return $coroutines.startCoroutine(new repeatChains$Frame(chains, depth)); } }.repeatChains, repeatChains$Frame);

function chain$Frame(depth$, value$) {
  this.$state = 0;
  this.depth$ = depth$;
  this.value$ = value$;
  this.$taskState = 0;
  this.$awaitedOrOutcome = undefined;
  this.$parent = undefined;
  this.$extra = undefined;
  this.$waiters = undefined;
  this.$suspension = undefined;
}
function chain$step($frame, $state, $mode, $value) {
  var inner;
  if ($mode !== 0) throw $value;
  $machine: for (;;) switch ($state) {
    case 0:
      if ($frame.depth$ === 0) { $frame.$state = -2; return $frame.value$; }
      $frame.$state = 1;
      if (($value = $coroutines.awaitInline($frame, chain($frame.depth$ - 1, $frame.value$))) === $coroutines.SUSPEND || $value === $coroutines.READY) return $value;
    case 1:
      inner = $value;
      $frame.$state = -2;
      return inner + $frame.depth$;
  }
}


function repeatChains$Frame(chains$, depth$) {
  this.$state = 0;
  this.chains$ = chains$;
  this.depth$ = depth$;
  this.k$ = undefined;
  this.$t = undefined;
  this.$taskState = 0;
  this.$awaitedOrOutcome = undefined;
  this.$parent = undefined;
  this.$extra = undefined;
  this.$waiters = undefined;
  this.$suspension = undefined;
}
function repeatChains$step($frame, $state, $mode, $value) {
  var sum;
  if ($mode !== 0) throw $value;
  $machine: for (;;) switch ($state) {
    case 0:
      sum = 0;
      $frame.k$ = 0;
    case 1:
      if (!($frame.k$ < $frame.chains$)) { $state = 4; continue; }
      $frame.$t = sum;
      $frame.$state = 2;
      if (($value = $coroutines.awaitInline($frame, chain($frame.depth$, $frame.k$))) === $coroutines.SUSPEND || $value === $coroutines.READY) return $value;
    case 2:
      sum = $frame.$t + $value;
    case 3:
      $frame.k$++;
      $state = 1; continue;
    case 4:
      $frame.$state = -2;
      return sum;
  }
}

exports.repeatChains = repeatChains;
