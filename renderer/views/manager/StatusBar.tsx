// The bottom bar: connection indicator, simulated time, running jobs, and the clock controls
// (pause, 1×, 10×, 60×, 600×, run until idle) sent to the door through the bridge.
import { observer } from 'mobx-react-lite';
import { Toolbar, ToolbarButton, ToolbarDivider, ToolbarRadioButton, ToolbarRadioGroup, Tooltip } from '@fluentui/react-components';
import { FastForwardRegular, PauseRegular } from '@fluentui/react-icons';
import { durationText } from '../../format/vm-columns';
import { CLOCK_SPEEDS, type ClockSpeed } from '../../stores/clock-store';
import { useRoot } from '../app/root-context';

export const StatusBar = observer(function StatusBar() {
  const root = useRoot();
  const { clock, connection, jobs } = root;
  const active = jobs.active.length;
  const phase = connection.status.phase;
  const disabled = !connection.connected;
  return (
    <footer className="hv-statusbar" data-testid="status-bar" aria-label="Status bar">
      <span className="hv-status-cell" data-testid="connection-indicator" data-phase={phase}>
        <span className={`hv-conn-dot ${phase}`} aria-hidden="true" />
        <span>{connection.label}</span>
      </span>
      <span className="hv-status-cell hv-clock" data-testid="sim-clock" title="Simulated time since the lab started (days.hours:minutes:seconds)">
        {clock.known ? <>Simulated time: {durationText(clock.now)}</> : 'Simulated time: —'}
      </span>
      <span className="hv-status-cell" data-testid="job-count">
        {active === 0 ? (clock.idle ? 'Idle' : 'Working') : `${active} job${active === 1 ? '' : 's'} running`}
      </span>
      <span className="hv-spacer" />
      <Toolbar
        size="small"
        aria-label="Simulation speed"
        checkedValues={{ speed: [String(clock.speed)] }}
        onCheckedValueChange={(_e, data) => {
          const value = Number(data.checkedItems[0]) as ClockSpeed;
          if (CLOCK_SPEEDS.includes(value)) void root.setClockSpeed(value);
        }}
      >
        <ToolbarRadioGroup aria-label="Clock speed">
          {CLOCK_SPEEDS.map((s) => (
            <Tooltip key={s} content={s === 0 ? 'Pause simulated time' : `Run simulated time at ${s}× wall-clock speed`} relationship={s === 0 ? 'label' : 'description'}>
              <ToolbarRadioButton
                name="speed"
                value={String(s)}
                appearance="subtle"
                disabled={disabled}
                data-testid={`clock-speed-${s}`}
                icon={s === 0 ? <PauseRegular /> : undefined}
              >
                {s === 0 ? undefined : `${s}×`}
              </ToolbarRadioButton>
            </Tooltip>
          ))}
        </ToolbarRadioGroup>
        <ToolbarDivider />
        <ToolbarButton
          appearance="subtle"
          icon={<FastForwardRegular />}
          disabled={disabled}
          data-testid="run-until-idle"
          onClick={() => void root.runUntilIdle()}
        >
          Run until idle
        </ToolbarButton>
      </Toolbar>
    </footer>
  );
});
