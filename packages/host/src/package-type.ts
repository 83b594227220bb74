/**
 * The `"type"` of the package a file belongs to, as Node reads it: the
 * nearest package.json above the file's directory decides, whatever its
 * parents say.
 *
 * Example:
 *   const packageTypeOf = createPackageTypeResolver();
 *   packageTypeOf('/app/src')        → 'module'    (/app/package.json: "type": "module")
 *   packageTypeOf('/lib/src')        → 'commonjs'  (/lib/package.json: "type": "commonjs", as `npm init` writes it)
 *   packageTypeOf('/old/src')        → undefined   (/old/package.json has no "type")
 *   packageTypeOf('/tmp/scratch')    → undefined   (no package.json up to the root)
 *
 * Implementation:
 *   `undefined` is kept apart from an explicit `"commonjs"`: without a
 *   `"type"`, Node runs a `.js` file with ES module syntax as an ES module
 *   (syntax detection, on by default since Node 20.19 and 22.7), and with an
 *   explicit `"commonjs"` it does not. A package.json that is not valid JSON
 *   still marks the package boundary and has no type, as Node reads it.
 *   Lookups are cached per directory for the life of the resolver (one run).
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/packages.html#determining-module-system
 *   https://nodejs.org/docs/latest-v20.x/api/packages.html#type
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type PackageType = 'module' | 'commonjs';
export type PackageTypeOf = (directory: string) => PackageType | undefined;

export function createPackageTypeResolver(): PackageTypeOf {
  const typeOfDirectory = new Map<string, PackageType | undefined>();
  const packageTypeOf = (directory: string): PackageType | undefined => {
    if (typeOfDirectory.has(directory)) return typeOfDirectory.get(directory);
    let type: PackageType | undefined;
    const manifest = readManifest(join(directory, 'package.json'));
    if (manifest !== undefined) {
      type = manifest.type === 'module' || manifest.type === 'commonjs' ? manifest.type : undefined;
    } else {
      const parent = dirname(directory);
      type = parent === directory ? undefined : packageTypeOf(parent);
    }
    typeOfDirectory.set(directory, type);
    return type;
  };
  return packageTypeOf;
}

function readManifest(path: string): { type?: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const manifest = JSON.parse(text) as unknown;
    return typeof manifest === 'object' && manifest !== null ? (manifest as { type?: unknown }) : {};
  } catch {
    return {};
  }
}
