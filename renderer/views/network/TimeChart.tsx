// A small uPlot line chart over simulated time, themed from the console's CSS variables (so it is
// readable in the light and the dark theme). It draws what it is given; the legend and the text
// alternative are the caller's (a summary line of current values under the chart).
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { timeSpanText } from '../../../engine/common/time-span';
import type { Theme } from '../../stores/ui-store';

export interface ChartSeries {
  label: string;
  color: string;
  fill?: boolean;
}

export interface TimeChartProps {
  series: readonly ChartSeries[];
  /** Seconds of simulated time. */
  xs: readonly number[];
  /** One array per series; null is a gap. */
  ys: readonly (readonly (number | null)[])[];
  /** Samples shown (for tests and the summary). */
  points: number;
  /** The x range shown, in seconds of simulated time. */
  startSec: number;
  endSec: number;
  /** Fixed y range (CPU %), or undefined to fit the data (at least `minYMax`). */
  yMax?: number;
  minYMax?: number;
  yUnit: string;
  height: number;
  theme: Theme;
  label: string;
  describedBy: string;
  testId: string;
}

/** Series colours with enough contrast on both backgrounds. */
export const SERIES_COLORS: Record<Theme, readonly string[]> = {
  light: ['#0063b1', '#c4314b', '#107c10', '#8764b8', '#ca5010', '#038387', '#986f0b', '#e3008c'],
  dark: ['#4fa3ff', '#ff7a8a', '#6ccb5f', '#b4a0ff', '#ff9a5a', '#3ad3c1', '#f2c744', '#ff6bcb'],
};

/** Axis text and grid lines per theme (the page's CSS variables change only after this renders). */
const AXIS_COLORS: Record<Theme, { text: string; grid: string }> = {
  light: { text: '#5f5f5f', grid: '#e3e6ea' },
  dark: { text: '#a8a8a8', grid: '#3a3a3a' },
};

const stepped = uPlot.paths.stepped!({ align: 1 });

export function TimeChart(props: TimeChartProps) {
  const { series, xs, ys, startSec, endSec, yMax, minYMax = 1, yUnit, height, theme, label, describedBy, testId, points } = props;
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // Never an empty range: at least ten seconds wide.
  const bounds = { min: startSec, max: Math.max(endSec, startSec + 10) };
  const range = useRef(bounds);
  range.current = bounds;
  const seriesKey = series.map((s) => `${s.label}:${s.color}:${s.fill ? 1 : 0}`).join('|');

  // (Re)create on theme or series changes; data updates go through setData below.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const { text, grid } = AXIS_COLORS[theme];
    const font = '11px "Segoe UI", Tahoma, "DejaVu Sans", sans-serif';
    const axis = (values: uPlot.Axis['values']): uPlot.Axis => ({
      stroke: text,
      font,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1, size: 3 },
      values,
    });
    const opts: uPlot.Options = {
      width: Math.max(100, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 5 } },
      scales: {
        x: { time: false, range: () => [range.current.min, range.current.max] },
        y: {
          range: (_u, _min, max) => (yMax !== undefined ? [0, yMax] : [0, Math.max(minYMax, (max ?? 0) * 1.15)]),
        },
      },
      axes: [
        {
          ...axis((_u, splits) => splits.map((v) => timeSpanText(Math.max(0, v) * 1000))),
          size: 24,
          // Whole seconds and minutes of simulated time, never fractions.
          incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400],
        },
        { ...axis((_u, splits) => splits.map((v) => `${formatTick(v)}${yUnit}`)), size: 46 },
      ],
      series: [
        {},
        ...series.map((s, i) => ({
          label: s.label,
          stroke: s.color,
          width: 1.5,
          // Rates only change at flow events: hold each value until the next sample.
          paths: stepped,
          // Every other line dashed, so two adapters carrying the same rate both stay visible.
          ...(i % 2 === 1 ? { dash: [6, 4] } : {}),
          points: { show: false },
          ...(s.fill ? { fill: `${s.color}33` } : {}),
        })),
      ],
    };
    const data = [[...xs], ...ys.map((y) => [...y])] as uPlot.AlignedData;
    const u = new uPlot(opts, data, el);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
    // The data effect below keeps values current; only the look recreates the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme, seriesKey, height, yMax, yUnit]);

  useEffect(() => {
    plot.current?.setData([[...xs], ...ys.map((y) => [...y])] as uPlot.AlignedData, true);
  }, [xs, ys, startSec, endSec]);

  useEffect(() => {
    const el = host.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const w = Math.max(100, Math.floor(el.clientWidth));
      if (plot.current && plot.current.width !== w) plot.current.setSize({ width: w, height });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [height]);

  return <div ref={host} className="hv-chart" role="img" aria-label={label} aria-describedby={describedBy} data-testid={testId} data-points={points} />;
}

function formatTick(v: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) >= 10) return String(Math.round(v));
  return v.toFixed(Math.abs(v) >= 1 ? 1 : 2).replace(/\.?0+$/, '');
}
