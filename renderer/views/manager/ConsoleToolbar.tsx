// The MMC toolbar under the menu bar: show/hide the console tree, Help, show/hide the Action pane,
// and, with a VM selected, its power buttons (Start, Turn Off, Shut Down, Save, Pause, Reset) taken
// from the same action list as the Actions pane. One tab stop; arrow keys move along it.
import { observer } from 'mobx-react-lite';
import type { KeyboardEvent, ReactNode } from 'react';
import { HatGraduationRegular, PanelLeftRegular, PanelRightRegular, QuestionCircleRegular } from '@fluentui/react-icons';
import type { ActionItem } from '../../actions/action-item';
import { vmActions } from '../../actions/catalogue';
import { useRoot } from '../app/root-context';
import { ActionIcon } from '../shared/ActionIcon';
import { helpTopicFor } from '../../help/help-topics';

const VM_BUTTONS = ['start', 'turn-off', 'shut-down', 'save', 'pause', 'resume', 'reset'];

export const ConsoleToolbar = observer(function ConsoleToolbar() {
  const root = useRoot();
  const { ui, inventory } = root;
  const vm = inventory.selectedVm;
  const vmButtons: ActionItem[] = vm ? vmActions(root, vm).filter((a) => VM_BUTTONS.includes(a.id)) : [];

  return (
    <div className="hv-toolbar" role="toolbar" aria-label="Toolbar" onKeyDown={toolbarKeyDown} data-testid="toolbar">
      <Tool
        label={ui.treeVisible ? 'Hide Console Tree' : 'Show Console Tree'}
        pressed={ui.treeVisible}
        first
        onClick={() => ui.setTreeVisible(!ui.treeVisible)}
        testId="tool-console-tree"
      >
        <PanelLeftRegular />
      </Tool>
      <Tool label="Help" onClick={() => root.help.open(helpTopicFor(document.activeElement))} testId="tool-help">
        <QuestionCircleRegular />
      </Tool>
      <Tool
        label={ui.actionsPaneVisible ? 'Hide Action Pane' : 'Show Action Pane'}
        pressed={ui.actionsPaneVisible}
        onClick={() => ui.setActionsPaneVisible(!ui.actionsPaneVisible)}
        testId="tool-action-pane"
      >
        <PanelRightRegular />
      </Tool>
      <Tool label={root.labs.open ? 'Hide Labs' : 'Labs'} pressed={root.labs.open} onClick={() => root.labs.toggle()} testId="tool-labs">
        <HatGraduationRegular />
      </Tool>
      {vmButtons.length > 0 && <span className="hv-tool-sep" aria-hidden="true" />}
      {vmButtons.map((a) => (
        <Tool
          key={a.id}
          label={a.enabled ? a.label.replace(/\.\.\.$/, '') : `${a.label.replace(/\.\.\.$/, '')} — ${a.disabledReason ?? 'unavailable'}`}
          disabled={!a.enabled}
          onClick={() => a.run()}
          testId={`tool-${a.id}`}
        >
          <ActionIcon name={a.icon} />
        </Tool>
      ))}
    </div>
  );
});

/** One tab stop for a toolbar: arrow keys, Home and End move along its buttons. */
export function toolbarKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length;
  e.preventDefault();
  buttons.forEach((b, j) => (b.tabIndex = j === next ? 0 : -1));
  buttons[next]?.focus();
}

export function Tool({
  label,
  pressed,
  disabled,
  first,
  onClick,
  testId,
  children,
}: {
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  first?: boolean;
  onClick(): void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="hv-tool"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      aria-disabled={disabled || undefined}
      tabIndex={first ? 0 : -1}
      data-testid={testId}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </button>
  );
}
