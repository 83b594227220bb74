import { readFrontMatter } from '../src/front-matter';
import { Harness } from '../src/harness';
import { modesOf, prepareSource } from '../src/mode';

describe('front matter', () => {
  it('reads flow and block lists and the negative expectation', () => {
    const source = [
      '// Copyright',
      '/*---',
      'description: |',
      '    A description over',
      '    two lines: with a colon.',
      'flags: [onlyStrict, async]',
      'features:',
      '  - generators',
      '  - async-iteration',
      'negative:',
      '  phase: parse',
      '  type: SyntaxError',
      '---*/',
      'yield;',
    ].join('\n');
    expect(readFrontMatter(source)).toEqual({
      flags: ['onlyStrict', 'async'],
      features: ['generators', 'async-iteration'],
      includes: [],
      negative: { phase: 'parse', type: 'SyntaxError' },
    });
  });

  it('reads front matter whose lines end in CR or CR LF', () => {
    for (const lineEnd of ['\r', '\r\n']) {
      const source = ['/*---', 'esid: sec-x', 'description: line terminators', 'flags: [onlyStrict]', '---*/', 'x;'].join(lineEnd);
      expect(readFrontMatter(source).flags).toEqual(['onlyStrict']);
    }
  });

  it('gives a test without front matter no flags, features or includes', () => {
    expect(readFrontMatter('var x;')).toEqual({ flags: [], features: [], includes: [], negative: undefined });
  });
});

describe('modes', () => {
  it('runs a test strict and sloppy unless its flags say otherwise', () => {
    expect(modesOf({ flags: [] })).toEqual(['strict', 'sloppy']);
    expect(modesOf({ flags: ['onlyStrict'] })).toEqual(['strict']);
    expect(modesOf({ flags: ['noStrict'] })).toEqual(['sloppy']);
    expect(modesOf({ flags: ['raw'] })).toEqual(['sloppy']);
    expect(modesOf({ flags: ['module', 'async'] })).toEqual(['module']);
  });

  it('prefixes the strict directive only in strict mode', () => {
    expect(prepareSource('f();', 'strict')).toBe('"use strict";\nf();');
    expect(prepareSource('f();', 'sloppy')).toBe('f();');
    expect(prepareSource('f();', 'module')).toBe('f();');
  });
});

describe('harness files', () => {
  const harness = new Harness('/nowhere');

  it('loads assert.js and sta.js, doneprintHandle.js for async tests, then the includes in order', () => {
    expect(harness.filesFor({ flags: [], includes: [] })).toEqual(['assert.js', 'sta.js']);
    expect(harness.filesFor({ flags: ['async'], includes: ['compareArray.js', 'asyncHelpers.js'] })).toEqual([
      'assert.js',
      'sta.js',
      'doneprintHandle.js',
      'compareArray.js',
      'asyncHelpers.js',
    ]);
  });

  it('loads nothing for a raw test', () => {
    expect(harness.filesFor({ flags: ['raw'], includes: ['compareArray.js'] })).toEqual([]);
  });
});
