'use strict';

// A koa-style server as applications write it: per request, a context whose
// async methods are made with it, a body read through `new Promise(async …)`,
// a fan-out over the body's items with `Promise.all(items.map(async …))`,
// and a callback registered for when the response is finished.

const store = new Map();

function readBody(request) {
  return new Promise(async (resolve, reject) => {
    try {
      resolve(JSON.parse(await request.chunks));
    } catch (error) {
      reject(error);
    }
  });
}

function createContext(request) {
  const finished = [];
  return {
    request,
    status: 200,
    body: undefined,
    async json() { return readBody(this.request); },
    async send(value) { await null; this.body = value; return this; },
    onFinish(callback) { finished.push(callback); },
    async finish() { for (let i = 0; i < finished.length; i++) await finished[i](this); },
  };
}

async function timing(ctx, next) {
  const start = ctx.request.id;
  await next();
  ctx.onFinish(async (done) => { done.took = done.request.id - start; });
}

async function errors(ctx, next) {
  try {
    await next();
  } catch (error) {
    ctx.status = 500;
  }
}

async function save(ctx) {
  const data = await ctx.json();
  const saved = await Promise.all(data.items.map(async (item) => {
    await null;
    store.set(item.key, item);
    return item.key;
  }));
  await ctx.send(saved.length);
}

function compose(middleware) {
  return (ctx) => {
    const dispatch = (i) => (i === middleware.length ? Promise.resolve() : Promise.resolve(middleware[i](ctx, () => dispatch(i + 1))));
    return dispatch(0);
  };
}

const app = compose([timing, errors, save]);

async function serve(n) {
  let total = 0;
  for (let id = 0; id < n; id++) {
    const ctx = createContext({ id, chunks: Promise.resolve(`{"items":[{"key":${id}},{"key":${id + 1}},{"key":${id + 2}}]}`) });
    await app(ctx);
    await ctx.finish();
    total += ctx.body + ctx.status + ctx.took;
  }
  return total;
}

exports.serve = serve;
