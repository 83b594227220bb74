'use strict';

// The server of subject.js without async/await: the same calls, each await a
// `then` on a promise, the context's methods made with it.

const store = new Map();

function readBody(request) {
  return Promise.resolve(request.chunks).then((text) => JSON.parse(text));
}

function createContext(request) {
  const finished = [];
  return {
    request,
    status: 200,
    body: undefined,
    json() { return Promise.resolve().then(() => readBody(this.request)); },
    send(value) { return Promise.resolve(null).then(() => { this.body = value; return this; }); },
    onFinish(callback) { finished.push(callback); },
    finish() {
      let chain = Promise.resolve();
      for (const callback of finished) chain = chain.then(() => callback(this));
      return chain;
    },
  };
}

function timing(ctx, next) {
  const start = ctx.request.id;
  return Promise.resolve(next()).then(() => {
    ctx.onFinish((done) => { done.took = done.request.id - start; return Promise.resolve(); });
  });
}

function errors(ctx, next) {
  return Promise.resolve(next()).catch(() => { ctx.status = 500; });
}

function save(ctx) {
  return ctx.json()
    .then((data) => Promise.all(data.items.map((item) => Promise.resolve(null).then(() => { store.set(item.key, item); return item.key; }))))
    .then((saved) => ctx.send(saved.length))
    .then(() => undefined);
}

function compose(middleware) {
  return (ctx) => {
    const dispatch = (i) => (i === middleware.length ? Promise.resolve() : Promise.resolve(middleware[i](ctx, () => dispatch(i + 1))));
    return dispatch(0);
  };
}

const app = compose([timing, errors, save]);

function serve(n) {
  let total = 0;
  const from = (id) => {
    if (id === n) return Promise.resolve(total);
    const ctx = createContext({ id, chunks: Promise.resolve(`{"items":[{"key":${id}},{"key":${id + 1}},{"key":${id + 2}}]}`) });
    return app(ctx)
      .then(() => ctx.finish())
      .then(() => { total += ctx.body + ctx.status + ctx.took; return from(id + 1); });
  };
  return from(0);
}

exports.serve = serve;
