import { chunks, collect, countdown, guarded } from './countdown';
import { average, readings } from './sensor';
import { filter, map, naturals, take } from './sequences';
import { Tree } from './tree';

const output = document.querySelector('#output')!;
const show = (line: string) => output.append(`${line}\n`);

const oddSquares = take(map(filter(naturals(), (n) => n % 2 === 1), (n) => n * n), 5);
show(`odd squares: ${[...oddSquares].join(' ')}`);

const tree = new Tree('root', [new Tree('a', [new Tree('a1'), new Tree('a2')]), new Tree('b')]);
show(`tree: ${[...tree].join(' ')}`);
show(`outline: ${[...tree.outline()].join(' ')}`);

for (const value of readings('thermometer', show)) {
  if (value > 25) {
    show(`first reading above 25: ${value}`);
    break;
  }
}

const running = average();
running.next();
show(`averages: ${[4, 8, 6, 2].map((n) => running.next(n).value).join(' ')}`);

Promise.all([countdown('a', 3, show), countdown('b', 2, show)])
  .then((results) => {
    show(results.join(', '));
    return guarded(async () => {
      await countdown('c', 1, show);
      throw new Error('no fuel');
    }, show);
  })
  .then((result) => {
    show(result);
    return collect(chunks('generators', 4));
  })
  .then((pieces) => show(`chunks: ${pieces.join('|')}`));
