// The getting-started tour's panel (renderer/stores/tour-store.ts): a small non-modal box at the
// bottom right, above the status bar, that says the step to do next and outlines where it is done.
// It sits above a modal wizard's backdrop so the Move Wizard step can still be read, and moves to
// the bottom left while the wizard (centred) is open, so it never covers the wizard's buttons.
import { observer } from 'mobx-react-lite';
import { useEffect, useId } from 'react';
import { Button } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { TOUR_ORDER } from '../../stores/tour-store';
import { useRoot } from '../app/root-context';
import './help.css';

export const TourPanel = observer(function TourPanel() {
  const { tour } = useRoot();
  const headingId = useId();
  const step = tour.open ? tour.step : undefined;
  const target = step?.target;
  // Outline what the step is about (the attribute is CSS's hook; it is taken off when the step changes).
  useEffect(() => {
    if (!target) return;
    const element = document.querySelector(`[data-testid="${target}"]`);
    element?.setAttribute('data-tour-target', '');
    return () => element?.removeAttribute('data-tour-target');
  });
  if (!step) return null;
  const at = TOUR_ORDER.indexOf(step.id === 'failed' ? 'watch' : step.id) + 1;
  return (
    <section
      className={`hv-tour${step.id === 'wizard' ? ' hv-tour-left' : ''}`}
      role="region"
      aria-labelledby={headingId}
      data-testid="tour"
      data-step={step.id}
    >
      <div className="hv-tour-head">
        <span className="hv-tour-count">
          Getting started: step {at} of {TOUR_ORDER.length}
        </span>
        <Button appearance="subtle" size="small" icon={<DismissRegular />} aria-label="Close the tour" onClick={() => tour.close()} data-testid="tour-close" />
      </div>
      <h2 id={headingId} className="hv-tour-title" data-testid="tour-title">
        {step.title}
      </h2>
      <p className="hv-tour-text" data-testid="tour-text">
        {step.text}
      </p>
      <div className="hv-tour-buttons">
        {step.id === 'failed' && (
          <Button size="small" onClick={() => tour.tryAgain()} data-testid="tour-try-again">
            Try Again
          </Button>
        )}
        <Button size="small" appearance={step.id === 'done' ? 'primary' : 'secondary'} onClick={() => tour.close()} data-testid="tour-finish">
          {step.id === 'done' ? 'Finish' : 'Skip Tour'}
        </Button>
      </div>
    </section>
  );
});
