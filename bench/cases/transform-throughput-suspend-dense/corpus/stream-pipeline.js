// Async stream stages (map, filter, batch, merge, throttle) composed as
// async generators, as log shippers and ETL jobs are written.
'use strict';

async function* fromArray(items, delay) {
  for (let i = 0; i < items.length; i++) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    yield items[i];
  }
}

async function* map(source, fn) {
  for (let step = await source.next(); !step.done; step = await source.next()) {
    yield await fn(step.value);
  }
}

async function* filter(source, keep) {
  for (let step = await source.next(); !step.done; step = await source.next()) {
    if (await keep(step.value)) yield step.value;
  }
}

async function* batch(source, size) {
  let pending = [];
  try {
    for (let step = await source.next(); !step.done; step = await source.next()) {
      pending.push(step.value);
      if (pending.length === size) {
        yield pending;
        pending = [];
      }
    }
    if (pending.length > 0) yield pending;
  } finally {
    await source.return();
  }
}

async function* take(source, count) {
  let taken = 0;
  while (taken < count) {
    const step = await source.next();
    if (step.done) return;
    taken++;
    yield step.value;
  }
  await source.return();
}

async function* concat(sources) {
  for (let i = 0; i < sources.length; i++) {
    yield* sources[i];
  }
}

async function* throttle(source, perSecond) {
  const interval = 1000 / perSecond;
  let last = 0;
  for (let step = await source.next(); !step.done; step = await source.next()) {
    const wait = last + interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    last = Date.now();
    yield step.value;
  }
}

async function collect(source) {
  const out = [];
  for (let step = await source.next(); !step.done; step = await source.next()) out.push(step.value);
  return out;
}

async function count(source) {
  let n = 0;
  while (!(await source.next()).done) n++;
  return n;
}

async function ship(records, send) {
  const batches = batch(filter(map(fromArray(records), async (r) => ({ ...r, at: Date.now() })), async (r) => r.level !== 'debug'), 100);
  let sent = 0;
  for (let step = await batches.next(); !step.done; step = await batches.next()) {
    await send(step.value);
    sent += step.value.length;
  }
  return sent;
}

module.exports = { fromArray, map, filter, batch, take, concat, throttle, collect, count, ship };
