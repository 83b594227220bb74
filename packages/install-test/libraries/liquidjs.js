// liquidjs renders every template through generators that one driver runs
// synchronously and another awaits: tags, filters and drops that return
// promises, a custom tag whose render is a generator, errors, layouts.
const { Liquid, Drop } = require('liquidjs');
const log = (...a) => console.log(...a);
const ticks = async (n, v) => { for (let i = 0; i < n; i++) await null; return v; };
class Lazy extends Drop { constructor(n) { super(); this.n = n; } get value() { return ticks(2, 'lazy' + this.n); } liquidMethodMissing(k) { return ticks(1, 'missing:' + k); } }
const engine = new Liquid({ strictFilters: false, cache: true, templates: {
  'part': 'PART[{{ x }}|{% for i in (1..x) %}{{ i }}{% endfor %}]',
  'layout': '<L>{% block content %}default{% endblock %}</L>',
  'loopy': '{% for p in products limit: 3 offset: 1 reversed %}{{ forloop.index }}:{{ p.name | upcase }}{% unless forloop.last %},{% endunless %}{% else %}none{% endfor %}',
}});
engine.registerFilter('slow', async (v, n) => { await ticks(n || 1); return '<' + v + '>'; });
engine.registerFilter('boom', v => { throw new Error('filter boom ' + v); });
engine.registerTag('upper', { parse(tk, rem) { this.tpls = []; const s = this.liquid.parser.parseStream(rem).on('tag:endupper', () => s.stop()).on('template', t => this.tpls.push(t)).on('end', () => { throw new Error('no endupper'); }); s.start(); }, * render(ctx, emitter) { const r = yield this.liquid.renderer.renderTemplates(this.tpls, ctx); emitter.write(String(r).toUpperCase()); } });
const ctx = { name: 'world', products: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }, { name: 'e' }], x: 3, lazy: new Lazy(7), promised: ticks(3, 'P'), nested: { deep: { arr: [3, 1, 2] } }, h: { a: 1, b: 2 } };
const tpls = [
  'Hello {{ name | capitalize }}! {{ name | slow: 3 }} {{ "x" | slow }}',
  '{% for i in (1..5) %}{% if i == 3 %}{% continue %}{% endif %}{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}',
  '{% render "loopy", products: products %}',
  '{% include "part", x: 2 %}{% include "part" %}',
  '{% layout "layout" %}{% block content %}child {{ name }}{% endblock %}',
  '{% assign s = nested.deep.arr | sort | join: "-" %}{{ s }} {% capture c %}cap{{ x | times: 2 }}{% endcapture %}{{ c }}',
  '{% case x %}{% when 1 %}one{% when 3, 4 %}three-or-four{% else %}other{% endcase %}',
  '{{ lazy.value }} {{ lazy.other }} {{ promised }}',
  '{% tablerow p in products cols: 2 %}{{ p.name }}{% endtablerow %}',
  '{% cycle "a", "b" %}{% cycle "a", "b" %}{% cycle "a", "b" %} {% increment k %}{% increment k %}{% decrement j %}',
  '{% upper %}shout {{ name }} {% for i in (1..2) %}{{ i | slow }}{% endfor %}{% endupper %}',
  '{{ name | boom }}',
  '{% for i in (1..3) %}{{ i | slow: 4 }}{% endfor %}{% raw %}{{ raw }}{% endraw %}',
  '{% liquid\n  for i in (1..3)\n    echo i | plus: 10\n  endfor\n%}',
  '{% if x > 2 and name contains "or" %}yes{% elsif x %}maybe{% else %}no{% endif %}',
  '{% for k in h %}{{ k[0] }}={{ k[1] }};{% endfor %}{{ h | json }}',
  '{% unknowntag %}',
  '{{ "a,b,c" | split: "," | reverse | join: "" }} {{ 3.14159 | round: 2 }} {{ "now" | date: "%Y" | size }}',
];
(async () => {
  for (const t of tpls) {
    try { log('async:', JSON.stringify(await engine.parseAndRender(t, ctx))); } catch (e) { log('async err:', e.name, e.message.split('\n')[0]); }
    try { log('sync :', JSON.stringify(engine.parseAndRenderSync(t, ctx))); } catch (e) { log('sync err:', e.name, e.message.split('\n')[0]); }
  }
  const tpl = engine.parse('{% for p in products %}{{ p.name | slow: forloop.index }}{% endfor %}');
  log(await Promise.all([engine.render(tpl, ctx), engine.render(tpl, { products: [{ name: 'z' }] })]));
  const stream = engine.renderToNodeStream(tpl, ctx); const parts = []; stream.on('data', d => parts.push(String(d))); await new Promise(r => stream.on('end', r)); log('stream', parts.join('|'));
  log(await engine.evalValue('x | plus: 4', ctx), engine.evalValueSync('name | size', ctx));
  const engine2 = new Liquid({ root: '/nonexistent' });
  log(await engine2.renderFile('missing').catch(e => e.name + ' ' + e.message.split('\n')[0]));
})().catch(e => log('top', e));
