import { Level, type LogRecord } from './log-record';
import { atLeast, lines, records, skippedLines, take, Timeline } from './pipeline';

const LOG = `
  1 INFO boot: starting
  2 DEBUG disk: probing /dev/sda
  4 WARN disk: 91% full
  not a record
  7 ERROR net: connection refused
  9 INFO net: retrying
 12 ERROR net: connection refused
 15 INFO boot: ready
`;

function* readLog(text: string): Generator<string> {
  try {
    yield* lines(text);
  } finally {
    console.log('log closed');
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function countBySource(source: Iterable<LogRecord>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const record of source) {
    await delay(1);
    counts.set(record.source, (counts.get(record.source) ?? 0) + 1);
  }
  return counts;
}

async function main(): Promise<void> {
  const problems = [...take(2, atLeast(Level.Warn, records(readLog(LOG))))];
  console.log('first problems:', problems.map((record) => `${record.at} ${Level[record.level]} ${record.message}`));

  const all = [...records(lines(LOG))];
  console.log('skipped lines:', skippedLines);

  const timeline = new Timeline('net');
  for (const record of all) if (record.source === 'net') timeline.add(record);
  console.log(`${timeline.name} windows:`, [...timeline.windows(2)]);

  const counts = await countBySource(all);
  console.log('by source:', Object.fromEntries(counts));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
