"use coroutine";
// A reactive stream: keystrokes arrive on a channel; a debouncer passes a
// value on only once no newer one came for 50 ms (a select between the next
// keystroke and a timeout). Run on the test scheduler: the timing below is
// virtual, so the example prints the same thing however busy the machine.
import { channel, currentTime, delay, onTimeout, runTest, scope, select } from '@coro/runtime/coroutines';

async function debounce(input, output, quietMs) {
  let latest;
  let waiting = false;
  for (;;) {
    const next = await select(waiting ? [input.onReceive(), onTimeout(quietMs)] : [input.onReceive()]);
    if (next.index === 1) {
      await output.send(latest);
      waiting = false;
    } else if (next.done) {
      if (waiting) await output.send(latest);
      output.close();
      return;
    } else {
      latest = next.value;
      waiting = true;
    }
  }
}

async function type(keys, text) {
  for (const [word, pauseMs] of text) {
    await keys.send(word);
    await delay(pauseMs);
  }
  keys.close();
}

export async function main() {
  await runTest(async () => {
    const keys = channel(Infinity);
    const searches = channel(0);
    await scope(async (s) => {
      s.launch(() => type(keys, [['c', 10], ['co', 10], ['cor', 10], ['coro', 200], ['corou', 10], ['coroutine', 0]]));
      s.launch(() => debounce(keys, searches, 50));
      for await (const query of searches) console.log(`search "${query}" at ${currentTime()} ms`);
    });
  });
}
