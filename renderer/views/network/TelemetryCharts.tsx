// Live charts of one computer over recent simulated time, from the engine's telemetry samples:
// throughput per adapter (sent + received, Gb/s) and CPU %. So a learner sees SMB Direct fill two
// RDMA adapters with no CPU, while Compression pushes one adapter and burns CPU. Each chart has a
// summary line of current values (also its text alternative and legend).
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { NetworkView } from '../../../engine/contract';
import { CHART_WINDOWS_MS } from '../../stores/dock-store';
import { useRoot } from '../app/root-context';
import { throughputText } from './net-format';
import { SERIES_COLORS, TimeChart } from './TimeChart';

const MIN_CHART_HEIGHT = 100;
const MAX_CHART_HEIGHT = 220;

/** A pause longer than this between two samples is a gap: eight times the usual spacing, at least 2 s. */
function gapThreshold(samples: readonly { at: number }[]): number {
  const steps: number[] = [];
  for (let i = 1; i < samples.length; i++) steps.push(samples[i]!.at - samples[i - 1]!.at);
  steps.sort((a, b) => a - b);
  const typical = steps[Math.floor(steps.length / 2)] ?? 250;
  return Math.max(2000, 8 * typical);
}

export const TelemetryCharts = observer(function TelemetryCharts({ view }: { view: NetworkView }) {
  const { network, dock, ui, clock } = useRoot();
  const theme = ui.theme;
  const netId = useId();
  const cpuId = useId();
  const column = useRef<HTMLDivElement>(null);
  const [chartHeight, setChartHeight] = useState(100);

  useEffect(() => {
    const el = column.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      // Two charts, each with a heading and a summary line under it (about 58 px together).
      const h = Math.floor((el.clientHeight - 2 * 58 - 34) / 2);
      setChartHeight(Math.max(MIN_CHART_HEIGHT, Math.min(MAX_CHART_HEIGHT, h)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const samples = network.loadedHost === view.host ? network.samples : [];
  const windowMs = dock.chartWindowMs;
  const endMs = samples.at(-1)?.at ?? clock.now;
  // A lab younger than the window is shown from its start.
  const startMs = Math.max(0, endMs - windowMs);
  const adapters = view.adapters.map((a) => a.name);
  const colors = SERIES_COLORS[theme];

  const data = useMemo(() => {
    const shown = samples.filter((s) => s.at >= startMs);
    // Where simulated time jumped with no samples (Run until idle, a paused clock), leave a gap
    // rather than draw a line through what nobody saw.
    const gapMs = gapThreshold(shown);
    const xs: number[] = [];
    const net: (number | null)[][] = adapters.map(() => []);
    const cpu: (number | null)[][] = [[]];
    shown.forEach((s, i) => {
      const prev = shown[i - 1];
      if (prev && s.at - prev.at > gapMs) {
        xs.push((prev.at + 1) / 1000);
        for (const ys of net) ys.push(null);
        cpu[0]!.push(null);
      }
      xs.push(s.at / 1000);
      adapters.forEach((name, k) => {
        const a = s.adapters[name];
        net[k]!.push(a ? ((a.tx + a.rx) * 8) / 1e9 : 0);
      });
      cpu[0]!.push(s.cpuPercent);
    });
    const peakNet = Math.max(0, ...net.map((ys) => Math.max(0, ...ys.map((y) => y ?? 0))));
    const peakCpu = Math.max(0, ...cpu[0]!.map((y) => y ?? 0));
    return { xs, net, cpu, peakNet, peakCpu };
    // adapters is derived from view; its names are the key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [samples, startMs, adapters.join('|')]);

  const netSeries = adapters.map((name, i) => ({ label: name, color: colors[i % colors.length]! }));
  const cpuSeries = [{ label: 'CPU', color: colors[1]!, fill: true }];
  const cpuNow = view.cpu.vmDemandPercent + view.cpu.transferPercent;
  const waiting = data.xs.length === 0;
  const points = samples.filter((x) => x.at >= startMs).length;

  return (
    <div ref={column} className="hv-net-charts" data-testid="network-charts">
      <div className="hv-net-charts-head">
        <h3 className="hv-net-title">Live throughput and CPU</h3>
        <label className="hv-text-muted">
          Last{' '}
          <select
            className="hv-select"
            value={windowMs}
            onChange={(e) => dock.setChartWindow(Number(e.target.value))}
            data-testid="chart-window"
            aria-label="Chart time window (simulated time)"
          >
            {CHART_WINDOWS_MS.map((ms) => (
              <option key={ms} value={ms}>
                {ms / 60_000} min
              </option>
            ))}
          </select>{' '}
          of simulated time
        </label>
      </div>
      {waiting && (
        <p className="hv-text-muted hv-net-empty" role="status">
          {clock.speed === 0 ? 'Simulated time is paused: the engine takes samples while time runs.' : 'Collecting samples…'}
        </p>
      )}
      <h4 className="hv-chart-title">Throughput per adapter (sent + received, Gb/s)</h4>
      <TimeChart
        series={netSeries}
        xs={data.xs}
        ys={data.net}
        startSec={startMs / 1000}
        endSec={endMs / 1000}
        minYMax={1}
        yUnit=""
        height={chartHeight}
        theme={theme}
        label={`Chart of throughput per adapter on ${view.host}`}
        describedBy={netId}
        points={points}
        testId="chart-throughput"
      />
      <p id={netId} className="hv-chart-summary" data-testid="chart-throughput-summary">
        <span className="visually-hidden">Now, sent plus received: </span>
        {view.adapters.map((a, i) => (
          <span key={a.name} className="hv-legend-item">
            <span
              className="hv-swatch hv-swatch-line"
              style={{
                background:
                  i % 2 === 1 ? `repeating-linear-gradient(90deg, ${colors[i % colors.length]} 0 5px, transparent 5px 8px)` : colors[i % colors.length],
              }}
              aria-hidden="true"
            />
            {a.name} {throughputText(a.txBytesPerSec + a.rxBytesPerSec)}
            {a.linkUp ? '' : ' (down)'}
          </span>
        ))}
        <span className="hv-legend-item hv-text-muted">peak {data.peakNet >= 10 ? data.peakNet.toFixed(1) : data.peakNet.toFixed(2)} Gb/s</span>
      </p>
      <h4 className="hv-chart-title">CPU of {view.host} (%)</h4>
      <TimeChart
        series={cpuSeries}
        xs={data.xs}
        ys={data.cpu}
        startSec={startMs / 1000}
        endSec={endMs / 1000}
        yMax={100}
        yUnit="%"
        height={chartHeight}
        theme={theme}
        label={`Chart of CPU use on ${view.host}`}
        describedBy={cpuId}
        points={points}
        testId="chart-cpu"
      />
      <p id={cpuId} className="hv-chart-summary" data-testid="chart-cpu-summary">
        <span className="hv-legend-item">
          <span className="hv-swatch" style={{ background: colors[1] }} aria-hidden="true" />
          CPU now {Math.round(cpuNow)} % (virtual machines {Math.round(view.cpu.vmDemandPercent)} %, transfers {Math.round(view.cpu.transferPercent)} %)
        </span>
        <span className="hv-legend-item hv-text-muted">peak {Math.round(data.peakCpu)} %</span>
      </p>
    </div>
  );
});
