/**
 * Module records for one test run: the test itself when it is a module,
 * the `_FIXTURE` files it imports, and the targets of `import()`.
 *
 * ## Example
 *
 * ```ts
 * const graph = new ModuleGraph(realm, lowered);
 * const entry = graph.entry('/…/test/language/module-code/x.js', loweredSource);
 * await graph.link(entry);          // loads ./x_FIXTURE.js beside it, lowered too
 * await entry.evaluate();
 * ```
 *
 * ## Implementation
 *
 * Specifiers are file names relative to the importing module, as
 * INTERPRETING.md says; `.json` files become synthetic modules with a
 * `default` export parsed by the realm's own `JSON`. Each file has one record
 * per run, keyed by its absolute path, so cycles and a module importing
 * itself resolve to the same record. Every file goes through the run's
 * translation, so in a lowered run the fixtures are lowered too; a fixture the
 * lowering refuses or leaves suspend functions in throws
 * {@link TranslationFailure}, which the execution reports as such rather
 * than as a module error, except that an `import()` of a module refused for
 * a syntax error rejects with a SyntaxError, which is what the engine does.
 *
 * `import()` from a script or module gets the linked and evaluated record;
 * Node then hands the script its namespace (or rejects with the record's
 * error). Every `import()` of a file waits on the same linking and
 * evaluation, as HostLoadImportedModule's cache would have it. Needs `--experimental-vm-modules`: without it `vm.SourceTextModule`
 * does not exist and module tests are skipped (execution.ts).
 *
 * The `importModuleDynamically` hooks hold the graph weakly: Node 20 keeps
 * every hook it is given for good, and a hook that held the graph would keep
 * its realm and every record in it alive (a worker held 530 MB after 1,600
 * runs, against 150 MB with weak hooks, and took a fifth more CPU time). The run in progress holds its
 * graph ({@link ModuleGraph.hold}) until the next run starts; an `import()`
 * after that finds no graph and rejects.
 *
 * ## References
 *
 * test262 INTERPRETING.md, "Modules"; Node.js `vm.SourceTextModule`,
 * `vm.SyntheticModule`, `importModuleDynamically`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type { Realm } from './realm';
import { asRealmError } from './thrown';
import type { Translated, Translation } from './translation';

export class TranslationFailure extends Error {
  constructor(readonly translated: Translated, readonly file: string) {
    super(translated.kind === 'code' ? `${translated.leftover} left in ${path.basename(file)}` : translated.message);
  }
}

export function modulesAvailable(): boolean {
  return typeof vm.SourceTextModule === 'function';
}

export class ModuleGraph {
  private readonly records = new Map<string, vm.Module>();
  /** One promise per imported file: imports racing each other share its linking and evaluation. */
  private readonly imports = new Map<string, Promise<vm.Module>>();

  constructor(
    private readonly realm: Realm,
    private readonly translation: Translation,
  ) {}

  /** The record of the test itself, from code already translated (its parse errors are the test's own). */
  entry(file: string, code: string): vm.SourceTextModule {
    const record = new vm.SourceTextModule(code, {
      context: this.realm.context,
      identifier: file,
      importModuleDynamically: this.importDynamically(file),
    });
    this.records.set(file, record);
    return record;
  }

  async link(record: vm.Module): Promise<void> {
    await record.link((specifier, referrer) => this.load(resolve(referrer.identifier, specifier)));
  }

  /** The graph of the run in progress, which its hooks reach only weakly. */
  private static held: ModuleGraph | undefined;

  /** Keeps this graph alive until another one is held: for as long as its run may call `import()`. */
  hold(): void {
    ModuleGraph.held = this;
  }

  /** The `importModuleDynamically` hook for code in `file`. */
  importDynamically(file: string): (specifier: string) => Promise<vm.Module> {
    const graph = new WeakRef(this);
    return (specifier) => {
      const live = graph.deref();
      if (live === undefined) return Promise.reject(new Error(`import(${JSON.stringify(specifier)}) after its test run ended`));
      return live.importFrom(resolve(file, specifier));
    };
  }

  private importFrom(target: string): Promise<vm.Module> {
    let pending = this.imports.get(target);
    if (pending === undefined) {
      pending = this.linkAndEvaluate(target);
      this.imports.set(target, pending);
    }
    return pending;
  }

  /**
   * A module already linked or evaluating (one importing itself) is returned as it stands.
   * One the lowering refuses for a syntax or early error rejects the import with the realm's
   * SyntaxError, as the engine's parse of it would.
   */
  private async linkAndEvaluate(file: string): Promise<vm.Module> {
    let record: vm.Module;
    try {
      record = this.load(file);
    } catch (thrown) {
      if (thrown instanceof TranslationFailure && thrown.translated.kind === 'refused' && thrown.translated.syntaxError) {
        throw asRealmError(this.realm.context, new SyntaxError(thrown.message));
      }
      throw thrown;
    }
    if (record.status === 'unlinked') await this.link(record);
    if (record.status === 'linked') await record.evaluate();
    return record;
  }

  private load(file: string): vm.Module {
    const known = this.records.get(file);
    if (known !== undefined) return known;
    const text = fs.readFileSync(file, 'utf8');
    let record: vm.Module;
    if (file.endsWith('.json')) {
      const value = (vm.runInContext('JSON.parse', this.realm.context) as (text: string) => unknown)(text);
      record = new vm.SyntheticModule(['default'], function () {
        this.setExport('default', value);
      }, { context: this.realm.context, identifier: file });
    } else {
      const translated = this.translation.translate(text, 'module', file);
      if (translated.kind !== 'code' || translated.leftover !== undefined) throw new TranslationFailure(translated, file);
      record = new vm.SourceTextModule(translated.code, {
        context: this.realm.context,
        identifier: file,
        importModuleDynamically: this.importDynamically(file),
      });
    }
    this.records.set(file, record);
    return record;
  }
}

function resolve(referrer: string, specifier: string): string {
  return path.resolve(path.dirname(referrer), specifier);
}
