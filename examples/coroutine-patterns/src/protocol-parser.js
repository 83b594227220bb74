// A protocol parser as a generator state machine, the classic pattern: the
// generator's position is the parser's state, `yield` asks for the next
// chunk, and no state variable or switch is written by hand. Messages are
// `<length>:<payload>`, split across chunks anywhere.
function* parser(onMessage) {
  for (;;) {
    let length = '';
    for (let c = yield; c !== ':'; c = yield) {
      if (!/[0-9]/.test(c)) throw new Error(`bad length digit ${JSON.stringify(c)}`);
      length += c;
    }
    let payload = '';
    while (payload.length < Number(length)) payload += yield;
    onMessage(payload);
  }
}

function feed(machine, chunks) {
  for (const chunk of chunks) for (const c of chunk) machine.next(c);
}

export function main() {
  const machine = parser((message) => console.log('message:', message));
  machine.next(); // run to the first yield
  feed(machine, ['5:he', 'llo3', ':abc11:hello', ' world']);
  try {
    feed(machine, ['x']);
  } catch (error) {
    console.log('rejected:', error.message);
  }
}
