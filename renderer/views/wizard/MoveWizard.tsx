// The Move Wizard window (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"): title 'Move "<VM>" Wizard', the page
// heading across the top, the pages on the left (the current one bold; earlier ones clickable,
// later ones not), the page, and < Previous / Next > / Finish / Cancel. In the shared window frame:
// Enter presses the default button (Next >, or Finish on the Summary page), Escape cancels,
// Alt+P / Alt+N / Alt+F press < Previous / Next > / Finish.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef } from 'react';
import { ArrowMoveRegular } from '@fluentui/react-icons';
import type { MoveWizardStore } from '../../stores/wizard-move';
import { useRoot } from '../app/root-context';
import { AccessButton } from '../shared/AccessKey';
import { WindowButtons, WindowFrame } from '../shared/WindowFrame';
import { WizardPageContent } from './WizardPages';
import './wizard.css';

/** Renders the open Move Wizard, if any (mounted once, beside the console's dialogs). */
export const MoveWizardHost = observer(function MoveWizardHost() {
  const { wizards } = useRoot();
  const wizard = wizards.move;
  return wizard ? <MoveWizard wizard={wizard} /> : null;
});

const MoveWizard = observer(function MoveWizard({ wizard }: { wizard: MoveWizardStore }) {
  const headingId = useId();
  const pageRef = useRef<HTMLDivElement>(null);
  const page = wizard.page;
  const onSummary = page.id === 'summary';

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
    <WindowFrame title={`Move "${wizard.vm.name}" Wizard`} className="hv-wizard" testId="move-wizard" onCancel={() => wizard.cancel()} minWidth={560} minHeight={400}>
      <div className="hv-wizard-header">
        <span className="hv-wizard-header-icon" aria-hidden="true"><ArrowMoveRegular /></span>
        <h2 id={headingId} data-testid="wizard-heading">{page.heading}</h2>
      </div>
      <div className="hv-wizard-main">
        <nav className="hv-wizard-nav" aria-label="Wizard pages" data-testid="wizard-nav">
          <ol>
            {wizard.pages.map((p, i) => {
              if (i === wizard.index) {
                return <li key={p.id}><span className="hv-wizard-step current" aria-current="step">{p.nav}</span></li>;
              }
              if (i < wizard.index) {
                return (
                  <li key={p.id}>
                    <button type="button" className="hv-wizard-step earlier" onClick={() => wizard.goTo(p.id)}>{p.nav}</button>
                  </li>
                );
              }
              return <li key={p.id}><span className="hv-wizard-step later">{p.nav}</span></li>;
            })}
          </ol>
        </nav>
        <div ref={pageRef} className="hv-wizard-page" role="group" aria-labelledby={headingId} tabIndex={-1} data-testid={`wizard-page-${page.id}`}>
          <WizardPageContent wizard={wizard} />
        </div>
      </div>
      <WindowButtons>
        <span className="hv-wizard-busy" role="status">{wizard.checking ? 'Checking…' : wizard.finishing ? 'Starting the move…' : ''}</span>
        <AccessButton label="< &Previous" disabled={!wizard.canPrevious} onClick={() => wizard.previous()} data-testid="wizard-previous" />
        <AccessButton label="&Next >" appearance={onSummary ? 'secondary' : 'primary'} data-default-button={onSummary ? undefined : true} disabled={!wizard.canNext} onClick={() => void wizard.next()} data-testid="wizard-next" />
        <AccessButton label="&Finish" appearance={onSummary ? 'primary' : 'secondary'} data-default-button={onSummary ? true : undefined} disabled={!wizard.canFinish} onClick={() => void wizard.finish()} data-testid="wizard-finish" />
        <AccessButton label="Cancel" onClick={() => wizard.cancel()} data-testid="wizard-cancel" />
      </WindowButtons>
    </WindowFrame>
  );
});
