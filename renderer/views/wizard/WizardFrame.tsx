// The frame every Hyper-V Manager wizard shares (the Move Wizard, the New Virtual Machine Wizard):
// the title bar, the page heading across the top, the pages on the left (the current one bold;
// earlier ones clickable, later ones not), the page, and < Previous / Next > / Finish / Cancel. In
// the shared window frame: Enter presses the default button (Next >, or Finish on the last page),
// Escape cancels, Alt+P / Alt+N / Alt+F press < Previous / Next > / Finish.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { AccessButton } from '../shared/AccessKey';
import { WindowButtons, WindowFrame } from '../shared/WindowFrame';
import './wizard.css';

/** What the frame needs of a wizard's store. */
export interface WizardModel {
  readonly pages: readonly { id: string; nav: string; heading: string }[];
  readonly index: number;
  readonly page: { id: string; heading: string };
  readonly canPrevious: boolean;
  readonly canNext: boolean;
  readonly canFinish: boolean;
  previous(): void;
  next(): void | Promise<void>;
  finish(): void | Promise<void>;
  goTo(id: string): void;
  cancel(): void;
}

export const WizardFrame = observer(function WizardFrame({
  wizard,
  title,
  icon,
  testId,
  busyText,
  children,
}: {
  wizard: WizardModel;
  title: string;
  icon: ReactNode;
  testId: string;
  /** Shown beside the buttons while the wizard waits for the engine. */
  busyText?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  const pageRef = useRef<HTMLDivElement>(null);
  const page = wizard.page;
  const last = wizard.index === wizard.pages.length - 1;

  // A new page: put focus on its first box or option, as Windows does.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const root = pageRef.current;
    if (!root) return;
    // A page without boxes or options (Summary) focuses itself, so Enter presses the default button.
    const target = root.querySelector<HTMLElement>('input:not([disabled])') ?? root;
    target.focus();
  }, [page.id]);

  return (
    <WindowFrame title={title} className="hv-wizard" testId={testId} onCancel={() => wizard.cancel()} minWidth={560} minHeight={400}>
      <div className="hv-wizard-header">
        <span className="hv-wizard-header-icon" aria-hidden="true">
          {icon}
        </span>
        <h2 id={headingId} data-testid="wizard-heading">
          {page.heading}
        </h2>
      </div>
      <div className="hv-wizard-main">
        <nav className="hv-wizard-nav" aria-label="Wizard pages" data-testid="wizard-nav">
          <ol>
            {wizard.pages.map((p, i) => {
              if (i === wizard.index) {
                return (
                  <li key={p.id}>
                    <span className="hv-wizard-step current" aria-current="step">
                      {p.nav}
                    </span>
                  </li>
                );
              }
              if (i < wizard.index) {
                return (
                  <li key={p.id}>
                    <button type="button" className="hv-wizard-step earlier" onClick={() => wizard.goTo(p.id)}>
                      {p.nav}
                    </button>
                  </li>
                );
              }
              return (
                <li key={p.id}>
                  <span className="hv-wizard-step later">{p.nav}</span>
                </li>
              );
            })}
          </ol>
        </nav>
        <div ref={pageRef} className="hv-wizard-page" role="group" aria-labelledby={headingId} tabIndex={-1} data-testid={`wizard-page-${page.id}`}>
          {children}
        </div>
      </div>
      <WindowButtons>
        <span className="hv-wizard-busy" role="status">
          {busyText ?? ''}
        </span>
        <AccessButton label="< &Previous" disabled={!wizard.canPrevious} onClick={() => wizard.previous()} data-testid="wizard-previous" />
        <AccessButton
          label="&Next >"
          appearance={last ? 'secondary' : 'primary'}
          data-default-button={last ? undefined : true}
          disabled={!wizard.canNext}
          onClick={() => void wizard.next()}
          data-testid="wizard-next"
        />
        <AccessButton
          label="&Finish"
          appearance={last ? 'primary' : 'secondary'}
          data-default-button={last ? true : undefined}
          disabled={!wizard.canFinish}
          onClick={() => void wizard.finish()}
          data-testid="wizard-finish"
        />
        <AccessButton label="Cancel" onClick={() => wizard.cancel()} data-testid="wizard-cancel" />
      </WindowButtons>
    </WindowFrame>
  );
});
