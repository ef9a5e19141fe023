// The frame both settings windows share, as in Hyper-V Manager: the list of settings on the left
// (sections, each entry with its current value under it), the selected page on the right, then
// OK / Cancel / Apply — plus the lab's "View script" showing what OK will run. Up/Down move
// through the list; in the shared window frame, Escape cancels, Enter (outside buttons and lists)
// presses OK and Alt+A presses Apply.
import { observer } from 'mobx-react-lite';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { ErrorCircleRegular } from '@fluentui/react-icons';
import { AccessButton } from '../shared/AccessKey';
import { WindowButtons, WindowFrame } from '../shared/WindowFrame';
import { ScriptText, ScriptToggle } from '../wizard/ScriptView';
import '../wizard/wizard.css';
import './settings.css';

export interface SettingsNavItem {
  id: string;
  label: string;
  /** The value under the label ("2 Simultaneous Migrations"). */
  detail?: string;
  indent?: number;
  error?: boolean;
}

export interface SettingsNavSection {
  heading: string;
  items: SettingsNavItem[];
}

export interface SettingsFrameProps {
  title: string;
  testId: string;
  sections: SettingsNavSection[];
  current: string;
  onSelect(id: string): void;
  /** The page's heading (its label in the list). */
  pageHeading: string;
  children: ReactNode;
  script: string;
  scriptVisible: boolean;
  onToggleScript(): void;
  /** Shown above the buttons when OK found something to correct. */
  errors?: string[];
  applying: boolean;
  /** What the busy line says while applying (default "Applying…"). */
  applyingText?: string | undefined;
  canApply: boolean;
  onOk(): void;
  onCancel(): void;
  onApply(): void;
}

export const SettingsFrame = observer(function SettingsFrame(props: SettingsFrameProps) {
  const {
    title,
    testId,
    sections,
    current,
    onSelect,
    pageHeading,
    children,
    script,
    scriptVisible,
    onToggleScript,
    errors = [],
    applying,
    applyingText,
    canApply,
    onOk,
    onCancel,
    onApply,
  } = props;
  const headingId = useId();
  const scriptId = useId();
  const navRef = useRef<HTMLElement>(null);

  const onNavKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const buttons = [...(navRef.current?.querySelectorAll<HTMLButtonElement>('button[data-nav]') ?? [])];
    const at = buttons.findIndex((b) => b === document.activeElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
    const target = buttons[next];
    if (!target) return;
    e.preventDefault();
    target.focus();
    onSelect(target.dataset.nav!);
  };

  return (
    <WindowFrame title={title} className="hv-settings" testId={testId} onCancel={onCancel} minWidth={560} minHeight={420}>
      <div className="hv-settings-main">
        <nav ref={navRef} className="hv-settings-nav" aria-label="Settings" onKeyDown={onNavKey}>
          {sections.map((s) => (
            <div key={s.heading} className="hv-settings-section">
              <h3>{s.heading}</h3>
              <ul>
                {s.items.map((item) => {
                  const selected = item.id === current;
                  return (
                    <li key={item.id}>
                      <button
                        type="button"
                        data-nav={item.id}
                        data-testid={`settings-nav-${item.id}`}
                        className={`hv-settings-item${selected ? ' selected' : ''}`}
                        style={{ paddingLeft: 10 + (item.indent ?? 0) * 16 }}
                        aria-current={selected ? 'page' : undefined}
                        tabIndex={selected ? 0 : -1}
                        onClick={() => onSelect(item.id)}
                      >
                        <span className="hv-settings-item-label">
                          {item.label}
                          {item.error && (
                            <span className="hv-settings-item-error" role="img" aria-label="has an error">
                              <ErrorCircleRegular />
                            </span>
                          )}
                        </span>
                        {item.detail && <span className="hv-settings-item-detail">{item.detail}</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </nav>
        <section className="hv-settings-page" aria-labelledby={headingId} data-testid={`${testId}-page-${current}`}>
          <h2 id={headingId} className="hv-settings-heading">
            {pageHeading}
          </h2>
          {children}
        </section>
      </div>
      {scriptVisible && (
        <div className="hv-settings-script">
          <ScriptText id={scriptId} text={script} testId="settings-script" />
        </div>
      )}
      {errors.length > 0 && (
        <div className="hv-settings-errors" role="alert" data-testid="settings-errors">
          <ErrorCircleRegular aria-hidden="true" />
          <div>
            <div>Correct the following before the settings can be applied:</div>
            <ul>
              {errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <WindowButtons>
        <span className="hv-settings-script-toggle">
          <ScriptToggle open={scriptVisible} onToggle={onToggleScript} controls={scriptId} testId="settings-view-script" />
        </span>
        <span className="hv-wizard-busy" role="status" data-testid="settings-status">
          {applying ? (applyingText ?? 'Applying…') : ''}
        </span>
        <AccessButton label="OK" appearance="primary" data-default-button disabled={applying} onClick={onOk} data-testid="settings-ok" />
        <AccessButton label="Cancel" disabled={applying} onClick={onCancel} data-testid="settings-cancel" />
        <AccessButton label="&Apply" disabled={applying || !canApply} onClick={onApply} data-testid="settings-apply" />
      </WindowButtons>
    </WindowFrame>
  );
});

/** A titled group on a settings page, as the product draws them. */
export function SettingsGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="hv-settings-group">
      <h4 id={id}>{title}</h4>
      {children}
    </div>
  );
}
