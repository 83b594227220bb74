// Reads `key=value; key=value` lines into objects, one record per line, as
// they are asked for; a malformed line stops the reader with its line number.

/**
 * @param {Iterable<string>} lines
 * @returns {Generator<Record<string, string>>}
 */
export function* parseRecords(lines) {
  let number = 0;
  for (const line of lines) {
    number++;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const record = {};
    for (const field of line.split(';')) {
      const separator = field.indexOf('=');
      if (separator <= 0) {
        throw new SyntaxError(`line ${number}: expected key=value, found '${field.trim()}'`);
      }
      record[field.slice(0, separator).trim()] = field.slice(separator + 1).trim();
    }
    yield record;
  }
}
