// A React error boundary around one pane of the console (issue 18: one bad pane must never blank
// the console). If the pane throws while rendering, it is replaced by a message in the manner of
// Windows' "… has stopped working" dialog, naming the pane, with "Reload pane" (renders it again
// from the stores, which the failure did not touch) and, where the pane says how, "Close" or
// another way out (the Labs pane offers "Leave lab"). The rest of the console keeps working.
import { Component, type CSSProperties, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import { ErrorCircleRegular } from '@fluentui/react-icons';

export interface PaneExit {
  label: string;
  run(): void;
  testId?: string;
}

interface Props {
  /** The pane's name as the user sees it: "Virtual Machines", "Labs", "Move Wizard". */
  name: string;
  children: ReactNode;
  /** Layout of the message box, so it takes the pane's place (its width, its flex). */
  className?: string;
  style?: CSSProperties;
  /** Other ways out than "Reload pane" (close a dialog, leave a lab). */
  exits?: readonly PaneExit[];
  /** A window (dialog, wizard): the message floats over the console instead of taking a slot. */
  floating?: boolean;
}

interface State {
  error: Error | undefined;
  /** Bumped by "Reload pane": the pane is mounted afresh. */
  generation: number;
}

export class PaneBoundary extends Component<Props, State> {
  override state: State = { error: undefined, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Seen in the developer tools and the browser host's console; the user sees the message below.
    console.error(`The ${this.props.name} pane stopped working:`, error, info.componentStack);
  }

  private reload = () => this.setState((s) => ({ error: undefined, generation: s.generation + 1 }));

  override render(): ReactNode {
    const { error, generation } = this.state;
    const { name, className, style, exits = [], floating } = this.props;
    if (!error) {
      return (
        <PaneGeneration key={generation}>
          <FaultProbe name={name} />
          {this.props.children}
        </PaneGeneration>
      );
    }
    const titleId = `pane-crash-${name.replace(/\W+/g, '-').toLowerCase()}`;
    const box = (
      <section
        className={`hv-pane hv-pane-crashed${className ? ` ${className}` : ''}`}
        style={style}
        role="alert"
        aria-labelledby={titleId}
        data-testid="pane-crashed"
        data-pane={name}
      >
        <div className="hv-pane-title">
          <h2 id={titleId}>{name}</h2>
        </div>
        <div className="hv-pane-crash-body">
          <span className="hv-dialog-icon error" aria-hidden="true">
            <ErrorCircleRegular />
          </span>
          <div className="hv-pane-crash-text">
            <p className="hv-pane-crash-head">{name} has stopped working</p>
            <p>A problem caused this pane to stop working. The rest of Hyper-V Manager is not affected; you can reload the pane.</p>
            <details className="hv-pane-crash-details">
              <summary>Details</summary>
              <pre>{error.message || error.name}</pre>
            </details>
            <div className="hv-pane-crash-buttons">
              <Button appearance="primary" size="small" onClick={this.reload} data-testid="pane-reload">
                Reload pane
              </Button>
              {exits.map((x) => (
                <Button key={x.label} size="small" onClick={x.run} data-testid={x.testId}>
                  {x.label}
                </Button>
              ))}
            </div>
          </div>
        </div>
      </section>
    );
    return floating ? <div className="hv-pane-crash-float">{box}</div> : box;
  }
}

/** A keyed wrapper so "Reload pane" remounts the children instead of reusing their broken state. */
function PaneGeneration({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/**
 * Test hook, not a user feature: nothing in the console sets it. An end-to-end test sets
 * `window.__hvlabFailPanes = ['Labs']` (Playwright's addInitScript or evaluate) to make the named
 * panes throw while rendering, so the boundaries are proven on the real page.
 */
function FaultProbe({ name }: { name: string }): null {
  const failing = (globalThis as { __hvlabFailPanes?: unknown }).__hvlabFailPanes;
  if (Array.isArray(failing) && failing.includes(name)) throw new Error(`Fault injected into the ${name} pane by a test`);
  return null;
}
