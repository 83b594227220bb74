/**
 * The harness files a test loads before it runs, in the order
 * INTERPRETING.md gives.
 *
 * ## Example
 *
 * ```ts
 * const harness = new Harness(suite.harnessDirectory);
 * harness.filesFor({ flags: ['async'], includes: ['compareArray.js'] })
 * // ['assert.js', 'sta.js', 'doneprintHandle.js', 'compareArray.js']
 * harness.install(realm, ['assert.js', 'sta.js']);
 * ```
 *
 * ## Implementation
 *
 * Each harness file is evaluated as a script of its own in the test's realm,
 * never concatenated with the test: the test's strict directive then applies
 * to the test alone, its line numbers stay its own, and only the test's own
 * text goes through the lowering (the harness is the measuring instrument,
 * not the thing measured; harness files hold no suspend function that a
 * test depends on being lowered). A compiled `vm.Script` does not belong to a
 * context, so each file is parsed once per worker and run in every realm.
 *
 * ## References
 *
 * test262 INTERPRETING.md: "Test262-Defined Bindings", `includes`, flags
 * `raw` and `async`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type { FrontMatter } from './front-matter';
import type { Realm } from './realm';

export class Harness {
  private readonly scripts = new Map<string, vm.Script>();

  constructor(private readonly directory: string) {}

  filesFor(frontMatter: Pick<FrontMatter, 'flags' | 'includes'>): string[] {
    if (frontMatter.flags.includes('raw')) return [];
    const files = ['assert.js', 'sta.js'];
    if (frontMatter.flags.includes('async')) files.push('doneprintHandle.js');
    for (const file of frontMatter.includes) if (!files.includes(file)) files.push(file);
    return files;
  }

  install(realm: Realm, files: readonly string[]): void {
    for (const file of files) this.script(file).runInContext(realm.context);
  }

  private script(file: string): vm.Script {
    let script = this.scripts.get(file);
    if (script === undefined) {
      const filename = path.join(this.directory, file);
      script = new vm.Script(fs.readFileSync(filename, 'utf8'), { filename });
      this.scripts.set(file, script);
    }
    return script;
  }
}
