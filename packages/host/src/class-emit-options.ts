/**
 * How a TypeScript project wants its classes emitted: which decorators
 * (`experimentalDecorators`), whether with type metadata
 * (`emitDecoratorMetadata`), and how fields are defined
 * (`useDefineForClassFields`), read from the tsconfig.json nearest to a file.
 *
 * Example:
 *   const classEmitOptionsOf = createClassEmitOptionsResolver();
 *   classEmitOptionsOf('/nest-app/src/app.service.ts')
 *   // → { experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false }
 *   //   (/nest-app/tsconfig.json: "experimentalDecorators", "emitDecoratorMetadata", "target": "ES2021")
 *   classEmitOptionsOf('/tmp/scratch/a.ts')
 *   // → { experimentalDecorators: false, emitDecoratorMetadata: false, useDefineForClassFields: true }   (no tsconfig.json)
 *
 * Implementation:
 *   These three change what a class means at run time, and a file alone
 *   cannot tell them: a NestJS service needs legacy decorators and their
 *   metadata, which standard decorators do not give. esbuild reads the same
 *   fields of the nearest tsconfig.json for the same reason. The file is
 *   found as tsc finds it from the file's directory and read with its
 *   `extends` chain; a tsconfig.json that does not parse counts for what
 *   TypeScript could read of it. `useDefineForClassFields` defaults as tsc
 *   defaults it: on for targets from ES2022. Results are cached per
 *   directory for the life of the resolver (one run).
 *
 * References:
 *   https://www.typescriptlang.org/tsconfig/#experimentalDecorators
 *   https://www.typescriptlang.org/tsconfig/#emitDecoratorMetadata
 *   https://www.typescriptlang.org/tsconfig/#useDefineForClassFields
 *   https://esbuild.github.io/content-types/#tsconfig-json
 */

import { dirname, resolve } from 'node:path';
import * as ts from 'typescript';

export interface ClassEmitOptions {
  readonly experimentalDecorators: boolean;
  readonly emitDecoratorMetadata: boolean;
  readonly useDefineForClassFields: boolean;
}

export type ClassEmitOptionsOf = (fileName: string) => ClassEmitOptions;

/** A file outside any TypeScript project: standard decorators, fields defined as the language defines them. */
export const STANDARD_CLASSES: ClassEmitOptions = { experimentalDecorators: false, emitDecoratorMetadata: false, useDefineForClassFields: true };

const CONFIG_READER: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };

export function createClassEmitOptionsResolver(): ClassEmitOptionsOf {
  const byDirectory = new Map<string, ClassEmitOptions>();
  const byConfig = new Map<string, ClassEmitOptions>();
  return (fileName) => {
    const directory = dirname(resolve(fileName));
    let options = byDirectory.get(directory);
    if (options === undefined) {
      const config = ts.findConfigFile(directory, ts.sys.fileExists);
      options = config === undefined ? STANDARD_CLASSES : byConfig.get(config);
      if (options === undefined) {
        options = readClassEmitOptions(config!);
        byConfig.set(config!, options);
      }
      byDirectory.set(directory, options);
    }
    return options;
  };
}

function readClassEmitOptions(config: string): ClassEmitOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(config, undefined, CONFIG_READER);
  if (parsed === undefined) return STANDARD_CLASSES;
  const options = parsed.options;
  return {
    experimentalDecorators: options.experimentalDecorators === true,
    emitDecoratorMetadata: options.experimentalDecorators === true && options.emitDecoratorMetadata === true,
    useDefineForClassFields: options.useDefineForClassFields ?? (options.target === undefined || options.target >= ts.ScriptTarget.ES2022),
  };
}
