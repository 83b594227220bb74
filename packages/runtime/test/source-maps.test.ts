/**
 * The runtime's frames in a user's stack trace point at sources that ship
 * with the package, and every map says its sources are runtime code
 * (`ignoreList`), so debuggers hide those frames and step over them.
 */
import * as fs from 'fs';
import * as path from 'path';

const PACKAGE = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { files: string[] };

function mapsUnder(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return mapsUnder(full);
    return entry.name.endsWith('.js.map') ? [full] : [];
  });
}

const maps = mapsUnder(path.join(PACKAGE, 'dist'));

test('the build has source maps, the ES module build too', () => {
  expect(maps.length).toBeGreaterThan(10);
  expect(maps.some((file) => file.includes(`${path.sep}esm${path.sep}`))).toBe(true);
});

test.each(maps.map((file) => [path.relative(PACKAGE, file)]))('%s ignore-lists its sources, which the package ships', (relative) => {
  const file = path.join(PACKAGE, relative);
  const map = JSON.parse(fs.readFileSync(file, 'utf8')) as { sources: string[]; ignoreList?: number[]; x_google_ignoreList?: number[] };
  const all = map.sources.map((_, index) => index);
  expect(map.ignoreList).toEqual(all);
  expect(map.x_google_ignoreList).toEqual(all);
  for (const source of map.sources) {
    const shipped = path.relative(PACKAGE, path.resolve(path.dirname(file), source));
    expect(fs.existsSync(path.join(PACKAGE, shipped))).toBe(true);
    expect(manifest.files.some((entry) => shipped === entry || shipped.startsWith(entry + '/'))).toBe(true);
  }
});
