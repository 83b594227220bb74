"use coroutine";
// A three-stage pipeline with backpressure: the producer is at most two
// elements ahead of the parser, which is at most one ahead of the writer.
import { channel, scope, delay } from '@coro/runtime/coroutines';

async function produce(out) {
  for (const line of ['id,name', '1,ada', '2,grace', '3,barbara', '4,frances', '5,margaret', '6,radia']) {
    await out.send(line);
    console.log(`read    ${line}`);
  }
  out.close();
}

async function parse(lines, out) {
  let header;
  for await (const line of lines) {
    const cells = line.split(',');
    if (!header) header = cells;
    else await out.send(Object.fromEntries(header.map((key, i) => [key, cells[i]])));
  }
  out.close();
}

async function write(records) {
  for await (const record of records) {
    await delay(10); // a slow sink: the stages above wait for it
    console.log(`wrote   ${JSON.stringify(record)}`);
  }
}

export async function main() {
  await scope(async (s) => {
    const lines = channel(2);
    const records = channel(1);
    s.launch(() => produce(lines));
    s.launch(() => parse(lines, records));
    await write(records);
  });
}
