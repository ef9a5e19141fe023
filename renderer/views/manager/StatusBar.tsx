// The bottom bar: connection indicator, simulated time, running jobs, and the clock controls
// (pause, 1×, 10×, 60×, 600×, run until idle) sent to the door through the bridge.
import { observer } from 'mobx-react-lite';
import { useRef, type KeyboardEvent } from 'react';
import { FastForwardRegular, PauseRegular } from '@fluentui/react-icons';
import { timeSpanText } from '../../../engine/common/time-span';
import { CLOCK_SPEEDS, type ClockSpeed } from '../../stores/clock-store';
import { useRoot } from '../app/root-context';

export const StatusBar = observer(function StatusBar() {
  const root = useRoot();
  const { clock, connection, jobs } = root;
  const active = jobs.active.length;
  const phase = connection.status.phase;
  return (
    <footer className="hv-statusbar" data-testid="status-bar" aria-label="Status bar">
      <span className="hv-status-cell" data-testid="connection-indicator" data-phase={phase} role="status">
        <span className={`hv-conn-dot ${phase}`} aria-hidden="true" />
        <span className="hv-conn-text">{connection.label}</span>
      </span>
      <span className="hv-status-cell hv-clock" data-testid="sim-clock" title="Simulated time since the lab started (days.hours:minutes:seconds)">
        {clock.known ? <>Simulated time: {timeSpanText(clock.now)}</> : 'Simulated time: —'}
      </span>
      <span className="hv-status-cell" data-testid="job-count">
        {active === 0 ? (clock.idle ? 'Idle' : 'Working') : `${active} job${active === 1 ? '' : 's'} running`}
      </span>
      <span className="hv-spacer" />
      <SpeedControl />
    </footer>
  );
});

/** A radio group (arrow keys move and choose) plus the "Run until idle" button. */
const SpeedControl = observer(function SpeedControl() {
  const root = useRoot();
  const { clock, connection } = root;
  const disabled = !connection.connected;
  const group = useRef<HTMLDivElement>(null);

  const choose = (speed: ClockSpeed) => {
    if (speed !== clock.speed) void root.setClockSpeed(speed);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = CLOCK_SPEEDS.indexOf(clock.speed);
    let next: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(CLOCK_SPEEDS.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = CLOCK_SPEEDS.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const speed = CLOCK_SPEEDS[next]!;
    choose(speed);
    group.current?.querySelector<HTMLElement>(`[data-speed="${speed}"]`)?.focus();
  };

  return (
    <div className="hv-speed">
      <span className="hv-speed-label" id="speed-label">
        Speed
      </span>
      <div ref={group} role="radiogroup" aria-labelledby="speed-label" className="hv-speed" onKeyDown={onKeyDown}>
        {CLOCK_SPEEDS.map((s) => {
          const checked = clock.speed === s;
          return (
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked ? 0 : -1}
              disabled={disabled}
              className="hv-speed-button"
              data-speed={s}
              data-testid={`clock-speed-${s}`}
              title={s === 0 ? 'Pause simulated time' : `Run simulated time at ${s}× wall-clock speed`}
              aria-label={s === 0 ? 'Paused' : `${s}×`}
              onClick={() => choose(s)}
            >
              {s === 0 ? <PauseRegular aria-hidden /> : `${s}×`}
            </button>
          );
        })}
      </div>
      <span className="hv-speed-divider" aria-hidden="true" />
      <button
        type="button"
        className="hv-speed-button"
        disabled={disabled}
        data-testid="run-until-idle"
        title="Run the simulation until every job has finished"
        onClick={() => void root.runUntilIdle()}
      >
        <FastForwardRegular aria-hidden /> <span className="hv-run-idle-text">Run until idle</span>
      </button>
    </div>
  );
});
