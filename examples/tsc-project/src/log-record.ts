export enum Level {
  Debug = 10,
  Info = 20,
  Warn = 30,
  Error = 40,
}

export interface LogRecord {
  readonly at: number;
  readonly level: Level;
  readonly source: string;
  readonly message: string;
}

const LEVELS: Record<string, Level> = { DEBUG: Level.Debug, INFO: Level.Info, WARN: Level.Warn, ERROR: Level.Error };

/** `"12 WARN disk: 91% full"` → `{ at: 12, level: Level.Warn, source: 'disk', message: '91% full' }`. */
export function parseRecord(line: string): LogRecord | undefined {
  const match = /^(\d+) (\w+) (\w+): (.*)$/.exec(line);
  if (match === null || !(match[2] in LEVELS)) return undefined;
  return { at: Number(match[1]), level: LEVELS[match[2]], source: match[3], message: match[4] };
}
