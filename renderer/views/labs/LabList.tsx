// The labs a learner can open: title, level, estimated time, status and best score. A list of
// buttons (Tab / Shift+Tab, or Up / Down); Enter opens a lab.
import { observer } from 'mobx-react-lite';
import type { KeyboardEvent } from 'react';
import { CheckmarkCircleFilled, CircleHalfFillRegular, CircleRegular, PlayRegular } from '@fluentui/react-icons';
import type { LabListItem } from '../../../engine/contract';
import { LAB_STATUS_TEXT } from '../../stores/lab-store';
import { useRoot } from '../app/root-context';

export const LabList = observer(function LabList() {
  const { labs } = useRoot();
  if (!labs.loaded) return <p className="hv-empty">Loading labs…</p>;
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.hv-lab-item')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : Math.min(buttons.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)));
    e.preventDefault();
    buttons[next]?.focus();
  };
  return (
    <>
      <p className="hv-labs-intro">
        Pick a lab, read its briefing, do the tasks in the console (the Move Wizard or the PowerShell prompt), then press <strong>Check</strong>.
      </p>
      <ul className="hv-lab-list" aria-label="Labs" onKeyDown={onKeyDown} data-testid="lab-list">
        {labs.labs.map((l, i) => (
          <li key={l.id}>
            <button
              type="button"
              className="hv-lab-item"
              onClick={() => labs.select(l.id)}
              data-testid={`lab-item-${l.id}`}
              data-status={l.status}
              aria-describedby={`lab-item-${l.id}-meta`}
              {...(i === 0 ? { 'data-autofocus': true } : {})}
            >
              <span className="hv-lab-item-title">{l.title}</span>
              <span className="hv-lab-item-meta" id={`lab-item-${l.id}-meta`}>
                <span>{l.level}</span>
                <span>about {l.estimatedMinutes} min</span>
                {l.timeLimitMinutes !== undefined && <span>limit {l.timeLimitMinutes} min</span>}
                {l.source === 'imported' && <span>imported</span>}
                <StatusBadge lab={l} />
                {l.bestScore !== undefined && (
                  <span data-testid={`lab-item-${l.id}-best`}>
                    best {l.bestScore} / {l.maxScore}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
});

export function StatusBadge({ lab }: { lab: LabListItem }) {
  const icon = lab.active ? (
    <PlayRegular aria-hidden />
  ) : lab.status === 'Completed' ? (
    <CheckmarkCircleFilled aria-hidden />
  ) : lab.status === 'InProgress' ? (
    <CircleHalfFillRegular aria-hidden />
  ) : (
    <CircleRegular aria-hidden />
  );
  return (
    <span className={`hv-lab-status ${lab.status}${lab.active ? ' active' : ''}`} data-testid={`lab-status-${lab.id}`}>
      {icon} {LAB_STATUS_TEXT[lab.status]}
      {lab.active ? ' (running)' : ''}
    </span>
  );
}
