'use strict';
// Turns a stream of byte chunks (a socket, a file read in pieces) into lines,
// then into batches, with a time limit on each read. Everything is an async
// generator, so back-pressure comes for free: nothing is read before the
// consumer asks for it.

const { StringDecoder } = require('string_decoder');

class TimeoutError extends Error {
  constructor(ms) {
    super(`no data for ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

async function* decode(chunks, encoding = 'utf8') {
  const decoder = new StringDecoder(encoding);
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

async function* splitLines(texts, { maxLineLength = 1 << 20 } = {}) {
  let pending = '';
  for await (const text of texts) {
    pending += text;
    let start = 0;
    let newline;
    while ((newline = pending.indexOf('\n', start)) !== -1) {
      const end = newline > start && pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      yield pending.slice(start, end);
      start = newline + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxLineLength) throw new RangeError(`line longer than ${maxLineLength} characters`);
  }
  if (pending !== '') yield pending;
}

async function* withTimeout(source, ms) {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
      });
      let result;
      try {
        result = await Promise.race([iterator.next(), timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (result.done) return;
      yield result.value;
    }
  } finally {
    if (typeof iterator.return === 'function') await iterator.return();
  }
}

async function* batches(source, size, maxWaitMs = Infinity) {
  let batch = [];
  let startedAt = 0;
  for await (const item of source) {
    if (batch.length === 0) startedAt = Date.now();
    batch.push(item);
    if (batch.length >= size || Date.now() - startedAt >= maxWaitMs) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function* filter(source, predicate) {
  for await (const item of source) if (await predicate(item)) yield item;
}

async function* map(source, transform) {
  let index = 0;
  for await (const item of source) yield await transform(item, index++);
}

function parseLogLine(line) {
  const match = /^(\S+) (\S+) \[([^\]]+)\] "(\w+) ([^"]*)" (\d{3}) (\d+|-)$/.exec(line);
  if (!match) return null;
  const [, address, user, time, method, path, status, size] = match;
  return { address, user: user === '-' ? null : user, time, method, path, status: Number(status), size: size === '-' ? 0 : Number(size) };
}

async function countStatuses(chunks, { timeoutMs = 30000 } = {}) {
  const counts = new Map();
  let malformed = 0;
  const lines = splitLines(withTimeout(decode(chunks), timeoutMs));
  for await (const line of lines) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const entry = parseLogLine(line);
    if (entry === null) {
      malformed++;
      continue;
    }
    counts.set(entry.status, (counts.get(entry.status) || 0) + 1);
  }
  return { counts, malformed };
}

async function forward(chunks, sink, { batchSize = 100, maxWaitMs = 1000 } = {}) {
  let sent = 0;
  const entries = filter(
    map(splitLines(decode(chunks)), (line) => parseLogLine(line)),
    (entry) => entry !== null && entry.status >= 400,
  );
  for await (const batch of batches(entries, batchSize, maxWaitMs)) {
    try {
      await sink.send(batch);
      sent += batch.length;
    } catch (error) {
      if (!sink.retryable || !sink.retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
      await sink.send(batch);
      sent += batch.length;
    }
  }
  return sent;
}

module.exports = { TimeoutError, decode, splitLines, withTimeout, batches, filter, map, parseLogLine, countStatuses, forward };
