// Run by Jest in the installed project, through @coro/jest: the program's
// lowered `main` prints what the native program printed (expected.txt, which
// the install test writes beside the project's package.json).

import { readFileSync } from 'node:fs';
import { main } from '../src/program';

test('the lowered program prints what the native one prints', async () => {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  expect(`${lines.join('\n')}\n`).toBe(readFileSync('expected.txt', 'utf8'));
  expect(String(main)).not.toMatch(/^async\b/);
});
