'use strict';
/**
 * How figures are written: values in the case's unit, ratios, spreads, and
 * padded Markdown tables (readable in a terminal and rendered on GitHub).
 */

function significant(value, digits = 3) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(decimals);
}

function groupThousands(value, decimals) {
  const [whole, fraction] = value.toFixed(decimals).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

/** Units per second of a case with `display`, from its time per run. */
function rateOf(benchCase, params, cost) {
  return benchCase.display.unitsPerRun(params) / (cost / 1000);
}

function formatRate(benchCase, rate, decimals = 0) {
  return `${groupThousands(rate, decimals)} ${benchCase.display.unit}`;
}

/** `cost` is what the measurement returned: ms per run, bytes per object, MB of peak heap, or bytes of output. */
function formatFigure(benchCase, params, cost) {
  if (cost == null) return 'n/a';
  if (benchCase.measure === 'heap') return `${cost.toFixed(1)} B`;
  if (benchCase.measure === 'peak-heap') return `${cost.toFixed(1)} MB`;
  if (benchCase.measure === 'size') return `${groupThousands(cost, 0)} B`;
  if (benchCase.display) return formatRate(benchCase, rateOf(benchCase, params, cost));
  return cost < 1 ? `${significant(cost * 1000)} µs` : `${significant(cost)} ms`;
}

function figureHeading(benchCase) {
  if (benchCase.measure === 'heap') return 'bytes per object';
  if (benchCase.measure === 'peak-heap') return 'peak heap growth';
  if (benchCase.measure === 'size') return 'bytes, minified and gzip -9';
  if (benchCase.display) return benchCase.display.unit;
  return 'CPU time per run';
}

function formatRatio(ratio) {
  return ratio == null || !Number.isFinite(ratio) ? '—' : `${ratio.toFixed(2)}×`;
}

function formatSpread(row) {
  if (row.values.length < 2) return '—';
  return `${(((row.max - row.min) / row.median) * 100).toFixed(1)}%`;
}

function markdownTable(header, rows, align = []) {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(3, ...all.map((row) => String(row[column]).length)));
  const line = (cells) =>
    `| ${cells
      .map((cell, column) => (align[column] === 'right' ? String(cell).padStart(widths[column]) : String(cell).padEnd(widths[column])))
      .join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

module.exports = { formatFigure, formatRate, rateOf, figureHeading, formatRatio, formatSpread, markdownTable, significant };
