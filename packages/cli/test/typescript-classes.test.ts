/**
 * TypeScript classes as their project emits them: legacy decorators with
 * metadata (NestJS), standard decorators, `accessor` fields, field
 * semantics, all read from the nearest tsconfig.json. The real CLI in a
 * child process, then node on what it wrote, against the same program
 * emitted by TypeScript alone with the same options.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { assertCliBuilt, coro, makeWorkspace, node, removeWorkspace } from './workspace';

// A NestJS-shaped service: a class decorator, a method decorator wrapping an async method, constructor
// parameter types the injector reads from metadata, and a field that must not be defined over a base setter.
const SERVICE = `const metadata: string[] = [];
(Reflect as any).metadata = (key: string, value: any) => (_target: object, property?: string | symbol) => {
  metadata.push(key + ' ' + String(property) + ' ' + (Array.isArray(value) ? value.map((type) => type.name).join(',') : value?.name));
};
function Injectable(): ClassDecorator {
  return () => {};
}
function Log(): MethodDecorator {
  return (_target, key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value;
    descriptor.value = async function (this: unknown, ...args: unknown[]) {
      console.log('call', String(key));
      return original.apply(this, args);
    };
  };
}
class Repository {
  async find(id: number) {
    await null;
    return { id };
  }
}
class Named {
  set name(value: string) {
    console.log('setter ran with', value);
  }
}
@Injectable()
class Service extends Named {
  name = 'service';
  constructor(private readonly repository: Repository) {
    super();
  }
  @Log()
  async get(id: number): Promise<{ id: number; by: string }> {
    const row = await this.repository.find(id);
    return { ...row, by: this.name };
  }
}
new Service(new Repository()).get(7).then((row) => console.log(row, metadata));
`;

// Standard decorators, an auto-accessor and a `using` outside any suspend function: none of them runs on Node 20 as written.
const STANDARD = `function logged<T extends (...args: any[]) => any>(method: T, context: ClassMethodDecoratorContext): T {
  return async function (this: unknown, ...args: any[]) {
    console.log('enter', String(context.name));
    return method.apply(this, args);
  } as T;
}
class Counter {
  accessor count = 0;
  @logged
  async add(step: number) {
    await null;
    this.count += step;
    return this.count;
  }
}
function scoped() {
  using resource = { [Symbol.dispose]: () => console.log('disposed') };
  return 'used';
}
(Symbol as any).dispose ??= Symbol('Symbol.dispose');
console.log(scoped());
new Counter().add(2).then((count) => console.log('count', count));
`;

let workspace: string | undefined;
beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(workspace));

/** What the program prints when TypeScript alone emits it with the options of the tsconfig.json at `config`. */
function nativeOutput(root: string, source: string, config: string | undefined): string {
  const options = config === undefined ? { target: ts.ScriptTarget.ES2022 } : ts.getParsedCommandLineOfConfigFile(join(root, config), undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!.options;
  writeFileSync(join(root, 'native.js'), ts.transpileModule(source, { compilerOptions: { ...options, module: ts.ModuleKind.CommonJS } }).outputText);
  const run = node('native.js', root);
  expect(run.status).toBe(0);
  return run.stdout;
}

test('a NestJS-style project: legacy decorators with their metadata and assigned fields, as its tsconfig.json says', () => {
  const tsconfig = '{ "compilerOptions": { "target": "ES2021", "experimentalDecorators": true, "emitDecoratorMetadata": true } }\n';
  workspace = makeWorkspace({ 'package.json': '{ "type": "commonjs" }\n', 'tsconfig.json': tsconfig, 'src/service.ts': SERVICE });
  const expected = nativeOutput(workspace, SERVICE, 'tsconfig.json');
  expect(expected).toContain("design:paramtypes undefined Repository");
  expect(expected).toContain('setter ran with service');
  expect(coro(['transpile', 'src', '--out-dir', 'out'], workspace).status).toBe(0);
  expect(node('out/service.js', workspace)).toMatchObject({ status: 0, stdout: expected });
});

test('the options come through `extends` from a base configuration', () => {
  const base = '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true, "useDefineForClassFields": false } }\n';
  workspace = makeWorkspace({
    'package.json': '{ "type": "commonjs" }\n',
    'config/base.json': base,
    'app/tsconfig.json': '{ "extends": "../config/base.json" }\n',
    'app/src/service.ts': SERVICE,
  });
  const expected = nativeOutput(workspace, SERVICE, 'app/tsconfig.json');
  expect(coro(['transpile', 'app/src', '--out-dir', 'out'], workspace).status).toBe(0);
  expect(node('out/service.js', workspace)).toMatchObject({ status: 0, stdout: expected });
});

test('without a tsconfig.json: standard decorators, accessor fields and using are lowered, and the output runs on this Node', () => {
  workspace = makeWorkspace({ 'package.json': '{ "type": "commonjs" }\n', 'src/counter.ts': STANDARD });
  const expected = nativeOutput(workspace, STANDARD, undefined);
  expect(expected).toBe('disposed\nused\nenter add\ncount 2\n');
  expect(coro(['transpile', 'src', '--out-dir', 'out'], workspace).status).toBe(0);
  expect(node('out/counter.js', workspace)).toMatchObject({ status: 0, stdout: expected });
});
