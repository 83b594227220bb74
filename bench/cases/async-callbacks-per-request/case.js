'use strict';
/**
 * Issue 11, async functions made many times: async arrows, an async
 * executor and async methods of an object literal evaluated per request
 * (not declared once), the shape of handlers, middleware and fan-outs in
 * applications. Each evaluation makes a function object; the lowering must
 * not make its helpers (step function, frame constructor, await tables) again
 * each time, nor give each evaluation's frames a shape of their own.
 */
module.exports = {
  title: 'Async callbacks per request',
  order: 5.2,
  summary:
    'for n requests, a koa-style chain of three async middleware over a context object with async methods made per request; the body is read through `new Promise(async (resolve, reject) => …)`, its three items saved by `Promise.all(items.map(async (item) => …))`, and an async callback registered per request runs when it finishes',
  measure: 'time',
  params: { n: 20000 },
  quickParams: { n: 2000 },
  // Every request sends 3 (items saved), status 200, and took 0.
  expected: ({ n }) => n * 203,
};
