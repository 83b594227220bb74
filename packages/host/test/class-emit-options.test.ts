import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClassEmitOptionsResolver, STANDARD_CLASSES } from '../src';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'coro-classes-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(directory: string, tsconfig: string): string {
  mkdirSync(join(root, directory, 'src'), { recursive: true });
  writeFileSync(join(root, directory, 'tsconfig.json'), tsconfig);
  return join(root, directory, 'src', 'a.ts');
}

describe('createClassEmitOptionsResolver', () => {
  it('reads the decorator options of the nearest tsconfig.json, metadata only with legacy decorators', () => {
    const classesOf = createClassEmitOptionsResolver();
    const nest = project('nest', '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }');
    const standard = project('standard', '{ "compilerOptions": { "emitDecoratorMetadata": true } }');
    expect(classesOf(nest)).toMatchObject({ experimentalDecorators: true, emitDecoratorMetadata: true });
    expect(classesOf(standard)).toMatchObject({ experimentalDecorators: false, emitDecoratorMetadata: false });
  });

  it('defaults useDefineForClassFields as tsc does: on from target ES2022, and when no target is set', () => {
    const classesOf = createClassEmitOptionsResolver();
    expect(classesOf(project('es2021', '{ "compilerOptions": { "target": "ES2021" } }')).useDefineForClassFields).toBe(false);
    expect(classesOf(project('es2022', '{ "compilerOptions": { "target": "ES2022" } }')).useDefineForClassFields).toBe(true);
    expect(classesOf(project('none', '{}')).useDefineForClassFields).toBe(true);
    expect(classesOf(project('explicit', '{ "compilerOptions": { "target": "ES5", "useDefineForClassFields": true } }')).useDefineForClassFields).toBe(true);
  });

  it('gives standard classes outside any project, and what TypeScript reads of a broken tsconfig.json', () => {
    const classesOf = createClassEmitOptionsResolver();
    mkdirSync(join(root, 'loose'));
    expect(classesOf(join(root, 'loose', 'a.ts'))).toEqual(STANDARD_CLASSES);
    expect(classesOf(project('broken', '{ "compilerOptions": { "experimentalDecorators": true, } '))).toMatchObject({ experimentalDecorators: true });
  });
});
