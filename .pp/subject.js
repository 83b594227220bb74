'use strict';
"use coroutine";
var $coro = require("@coro/runtime");
var $coroutines = require("@coro/runtime/coroutines");
function $async$Frame1($step) {
  this.$state = 0;
  this.$step = $step;
  this.i$ = undefined;
  this.$t = undefined;
  this.$t1 = undefined;
  this.$taskState = 0;
  this.$awaitedOrOutcome = undefined;
  this.$parent = undefined;
  this.$extra = undefined;
  this.$waiters = undefined;
  this.$suspension = undefined;
}
function $async$Frame($step, $slot) {
  this.$state = 0;
  this.$step = $step;
  this.$slot = $slot;
  this.i$ = undefined;
  this.$taskState = 0;
  this.$awaitedOrOutcome = undefined;
  this.$parent = undefined;
  this.$extra = undefined;
  this.$waiters = undefined;
  this.$suspension = undefined;
}
$coroutines.linkTaskFrame(pingPong$Frame, pingPong$step, "pingPong", "bench/cases/channel-ping-pong/subject.js", [1, "9:10"]);
var pingPong = $coroutines.linkCoroutine({ pingPong(messages) { return $coroutines.startCoroutine(new pingPong$Frame(messages)); } }.pingPong, pingPong$Frame);
const { channel, scope } = require('@coro/runtime/coroutines');


function pingPong$Frame(messages$) {
  this.$state = 0;
  this.messages$ = messages$;
  this.rounds$ = undefined;
  this.pings$ = undefined;
  this.pongs$ = undefined;
  this.$taskState = 0;
  this.$awaitedOrOutcome = undefined;
  this.$parent = undefined;
  this.$extra = undefined;
  this.$waiters = undefined;
  this.$suspension = undefined;
}
function pingPong$step($frame, $state, $mode, $value) {
  if ($mode !== 0) throw $value;
  $machine: for (;;) switch ($state) {
    case 0:
      $frame.rounds$ = $frame.messages$ / 2;
      $frame.pings$ = channel(0);
      $frame.pongs$ = channel(0);
      $frame.$state = 1;
      if (($value = $coroutines.awaitInline($frame, scope((() => {
        $coroutines.linkTaskFrame($async$Frame, $async$step, "anonymous", "bench/cases/channel-ping-pong/subject.js", [2, "15:7", 3, "16:14"]);
        function $async$step($frame1, $state1, $mode1, $value1) {
          if ($mode1 !== 0) throw $value1;
          $machine1: for (;;) switch ($state1) {
            case 0:
              $frame1.$slot.launch((() => {
                $coroutines.linkTaskFrame($async$Frame1, $async$step1, "anonymous", "bench/cases/channel-ping-pong/subject.js", [2, "11:58", 3, "11:40"]);
                function $async$step1($frame2, $state2, $mode2, $value2) {
                  if ($mode2 !== 0) throw $value2;
                  $machine2: for (;;) switch ($state2) {
                    case 0:
                      $frame2.i$ = 0;
                    case 1:
                      if (!($frame2.i$ < $frame.rounds$)) { $state2 = 4; continue; }
                      $frame2.$t = $frame.pongs$;
                      $frame2.$t1 = $frame2.$t.send;
                      $frame2.$state = 2;
                      if (($value2 = $coroutines.awaitInline($frame2, $frame.pings$.receive())) === $coroutines.SUSPEND || $value2 === $coroutines.READY) return $value2;
                    case 2:
                      $frame2.$state = 3;
                      if (($value2 = $coroutines.awaitInline($frame2, $frame2.$t1.call($frame2.$t, $value2 + 1))) === $coroutines.SUSPEND || $value2 === $coroutines.READY) return $value2;
                    case 3:
                      $frame2.i$++;
                      $state2 = 1; continue;
                    case 4:
                      $frame2.$state = -2;
                      return;
                  }
                }
                return $coroutines.linkCoroutine(() => { return $coroutines.startCoroutine(new $async$Frame1($async$step1)); }, $async$Frame1);
              })());
              $frame1.$slot = 0;
              $frame1.i$ = 0;
            case 1:
              if (!($frame1.i$ < $frame.rounds$)) { $state1 = 5; continue; }
              $frame1.$state = 2;
              if (($value1 = $coroutines.awaitInline($frame1, $frame.pings$.send($frame1.i$))) === $coroutines.SUSPEND || $value1 === $coroutines.READY) return $value1;
            case 2:
              $frame1.$state = 3;
              if (($value1 = $coroutines.awaitInline($frame1, $frame.pongs$.receive())) === $coroutines.SUSPEND || $value1 === $coroutines.READY) return $value1;
            case 3:
              $frame1.$slot = $frame1.$slot + $value1;
            case 4:
              $frame1.i$++;
              $state1 = 1; continue;
            case 5:
              $frame1.$state = -2;
              return $frame1.$slot;
          }
        }
        return $coroutines.linkCoroutine((s) => { return $coroutines.startCoroutine(new $async$Frame($async$step, s)); }, $async$Frame);
      })()))) === $coroutines.SUSPEND || $value === $coroutines.READY) return $value;
    case 1:
      $frame.$state = -2;
      return $value;
  }
}

exports.pingPong = pingPong;
