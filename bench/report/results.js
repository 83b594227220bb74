'use strict';
/**
 * The results as Markdown: the run's description, the targets against what
 * was measured, and one table per case. The same text is printed and written
 * into BENCHMARKS.md.
 *
 * Every ratio is this variant's figure divided by the baseline's figure
 * (time by time, bytes by bytes), so below 1.00× is better than the baseline,
 * whatever unit the table shows.
 */
const { formatFigure, formatRate, rateOf, figureHeading, formatRatio, formatSpread, markdownTable } = require('./format');

function rowOf(caseResult, variantId) {
  return caseResult.rows.find((row) => row.variant === variantId && row.status === 'ok');
}

function ratioOf(caseResult, variantId, baselineId) {
  const row = rowOf(caseResult, variantId);
  const baseline = rowOf(caseResult, baselineId);
  return row && baseline ? row.median / baseline.median : null;
}

/** A reference's `value` is in the unit the table shows: a rate for a case with `display`. */
function referenceText(benchCase, params, reference) {
  if (reference.ratio != null) return `${formatRatio(reference.ratio)} ${reference.baseline}`;
  if (benchCase.display) return formatRate(benchCase, reference.value);
  return formatFigure(benchCase, params, reference.value);
}

function targetText(benchCase, params, target) {
  if (target.baseline) {
    // A whole-number limit keeps one decimal, as ratios are written: 1.0×, not 1×.
    const limit = Number.isInteger(target.max) ? target.max.toFixed(1) : String(target.max);
    return `${target.variant} ≤ ${limit}× ${target.baseline}`;
  }
  if (target.min != null) return `${target.variant} ≥ ${formatRate(benchCase, target.min)}`;
  return `${target.variant} ≤ ${formatFigure(benchCase, params, target.max).replace('.0 B', ' B')}`;
}

/**
 * Enough decimals that the rounded figure is on the same side of the target
 * as the figure itself: 1.502 against ≤ 1.5 reads 1.502, not 1.50.
 */
function decimalsAgainst(value, meets, decimals) {
  let digits = decimals;
  while (digits < 6 && meets(Number(value.toFixed(digits))) !== meets(value)) digits++;
  return digits;
}

function evaluateTarget(caseResult, target) {
  const { benchCase, params } = caseResult;
  const row = caseResult.rows.find((r) => r.variant === target.variant);
  if (!row || row.status !== 'ok') return { measured: 'n/a', verdict: 'n/a' };
  if (target.baseline) {
    const ratio = ratioOf(caseResult, target.variant, target.baseline);
    if (ratio == null) return { measured: 'n/a', verdict: `n/a (no ${target.baseline} figure)` };
    const meets = (value) => value <= target.max;
    return { measured: `${ratio.toFixed(decimalsAgainst(ratio, meets, 2))}×`, verdict: meets(ratio) ? 'met' : 'not met' };
  }
  if (target.min != null) {
    const rate = rateOf(benchCase, params, row.median);
    const meets = (value) => value >= target.min;
    return { measured: formatRate(benchCase, rate, decimalsAgainst(rate, meets, 0)), verdict: meets(rate) ? 'met' : 'not met' };
  }
  const meets = (value) => value <= target.max;
  const measured =
    benchCase.measure === 'heap'
      ? `${row.median.toFixed(decimalsAgainst(row.median, meets, 1))} B`
      : formatFigure(benchCase, params, row.median);
  return { measured, verdict: meets(row.median) ? 'met' : 'not met' };
}

function formatDuration(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}

function describeMethod(caseResult) {
  const { benchCase, settings, processes } = caseResult;
  const perProcess =
    benchCase.measure === 'time'
      ? `warm-up ≥ ${settings.warmupRuns} runs and ≥ ${settings.warmupMs} ms, then the median CPU time of ${settings.samples} timed runs`
      : benchCase.measure === 'heap'
        ? 'heap delta after full GCs / count'
        : benchCase.measure === 'peak-heap'
          ? `the largest heap growth over a full GC that the workload's probe saw, median of ${settings.samples} runs`
          : benchCase.measure === 'size'
            ? 'the files bundled by Rolldown with tree-shaking and its minifier, each output chunk compressed by zlib at level 9, bytes summed'
          : `measurement \`${benchCase.measure}\``;
  return `Each variant: ${processes} fresh process${processes === 1 ? '' : 'es'} (${perProcess}); the figure is the median over the processes.`;
}

function renderRunDescription(run, totals) {
  const { machine } = run;
  return [
    `- Command: \`${run.command}\``,
    `- Date: ${run.date}`,
    `- Node ${run.node} (V8 ${run.v8})`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Revision: ${run.revision}`,
    `- Total run time ${formatDuration(totals.seconds)}; load average ${run.loadAtStart} at the start, ${totals.loadAtEnd} at the end`,
  ].join('\n');
}

function renderTargets(caseResults) {
  const rows = [];
  for (const caseResult of caseResults) {
    for (const target of caseResult.benchCase.targets) {
      const { measured, verdict } = evaluateTarget(caseResult, target);
      rows.push([caseResult.benchCase.title, targetText(caseResult.benchCase, caseResult.params, target), measured, verdict]);
    }
  }
  if (rows.length === 0) return '';
  return markdownTable(['case', 'target', 'measured', ''], rows, [null, null, 'right', null]);
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function renderCase(caseResult) {
  const { benchCase, params } = caseResult;
  const baselines = benchCase.baselines.filter((id) => rowOf(caseResult, id));
  const references = new Map(benchCase.references.map((reference) => [reference.variant, reference]));
  const secondaryNames = [...new Set(caseResult.rows.flatMap((row) => Object.keys(row.secondary)))];
  const header = [
    'variant',
    figureHeading(benchCase),
    ...secondaryNames.map((name) => `(${name})`),
    'spread',
    ...baselines.map((id) => `vs ${id}`),
  ];
  if (references.size > 0) header.push('elsewhere†');

  const rows = caseResult.rows.map((row) => {
    const figure = row.status === 'ok' ? formatFigure(benchCase, params, row.median) : row.status === 'absent' ? '—' : 'n/a';
    const cells = [
      row.variant,
      figure,
      ...secondaryNames.map((name) =>
        row.status === 'ok' && row.secondary[name] != null ? formatFigure(benchCase, params, row.secondary[name]) : '',
      ),
      row.status === 'ok' ? formatSpread(row) : '',
      ...baselines.map((id) => (row.status === 'ok' ? formatRatio(ratioOf(caseResult, row.variant, id)) : '')),
    ];
    if (references.size > 0) {
      const reference = references.get(row.variant);
      cells.push(reference ? referenceText(benchCase, params, reference) : '');
    }
    return cells;
  });
  // A reference to a tool this run did not measure (say, SWC) gets a row of its own.
  for (const reference of benchCase.references) {
    if (caseResult.rows.some((row) => row.variant === reference.variant)) continue;
    rows.push([reference.variant, '—', ...header.slice(2, -1).map(() => ''), referenceText(benchCase, params, reference)]);
  }

  const paramsText = Object.entries(params)
    .map(([name, value]) => `${name} = ${value.toLocaleString('en-US')}`)
    .join(', ');
  const notes = [
    ...caseResult.notes,
    ...caseResult.rows.filter((row) => row.status === 'n/a').map((row) => `- ${row.variant}: n/a: ${row.reason}`),
  ];
  if (references.size > 0) {
    notes.push('- † measured elsewhere on this kind of machine, quoted for comparison; not measured by this run.');
  }

  return [
    `### ${benchCase.title}`,
    '',
    `${capitalize(benchCase.summary)}; ${paramsText}. ${describeMethod(caseResult)}`,
    '',
    markdownTable(header, rows, [null, ...header.slice(1).map(() => 'right')]),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}

function renderResults({ run, totals, caseResults }) {
  const targets = renderTargets(caseResults);
  return [
    renderRunDescription(run, totals),
    '',
    'Each measurement runs in its own node process. Times are CPU time of the measuring process (the wall-clock median is beside it, in parentheses: far above the CPU time means the machine was busy). Spread is (max − min) / median of the per-process figures. A ratio is the variant\'s figure divided by the baseline\'s (time by time, bytes by bytes), so below 1.00× is better than the baseline.',
    ...(targets ? ['', '### Targets', '', targets] : []),
    ...caseResults.flatMap((caseResult) => ['', renderCase(caseResult)]),
  ].join('\n');
}

module.exports = { renderResults };
