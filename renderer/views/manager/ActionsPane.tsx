// The Actions pane on the right: a section for the selected server (or the Hyper-V Manager node)
// and one for the selected VM, each with a header that collapses it, as in the MMC.
import { observer } from 'mobx-react-lite';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import type { ActionItem } from '../../actions/action-item';
import { hostActions, managerActions, vmActions } from '../../actions/catalogue';
import type { ActionSection } from '../../stores/ui-store';
import { useRoot } from '../app/root-context';
import { ActionList } from '../shared/ActionList';

export const ActionsPane = observer(function ActionsPane({ id }: { id: string }) {
  const root = useRoot();
  const { ui, inventory } = root;
  const host = inventory.selectedHost;
  const vm = inventory.selectedVm;
  const rootSelected = ui.tree?.kind === 'root';
  return (
    <aside id={id} className="hv-pane hv-actions" style={{ width: ui.paneSizes.actions }} aria-label="Actions" data-testid="actions-pane">
      <div className="hv-pane-title">
        <h2>Actions</h2>
      </div>
      <div className="hv-actions-scroll">
        {rootSelected && <Section section="host" title="Hyper-V Manager" items={managerActions(root)} />}
        {host && <Section section="host" title={host.name} items={hostActions(root, host)} testId="actions-host" />}
        {host && vm && <Section section="vm" title={vm.name} items={vmActions(root, vm)} testId="actions-vm" />}
      </div>
    </aside>
  );
});

const Section = observer(function Section({ section, title, items, testId }: { section: ActionSection; title: string; items: ActionItem[]; testId?: string }) {
  const { ui } = useRoot();
  const collapsed = ui.collapsed.has(section);
  const listId = `actions-section-${section}`;
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 style={{ margin: 0, font: 'inherit' }}>
        <button
          type="button"
          className="hv-section-header"
          aria-expanded={!collapsed}
          aria-controls={listId}
          onClick={() => ui.toggleSection(section)}
          title={collapsed ? `Show the actions for ${title}` : `Hide the actions for ${title}`}
        >
          <span className="hv-section-name">{title}</span>
          <span className="hv-collapse-glyph" aria-hidden="true">
            {collapsed ? <ChevronDownRegular /> : <ChevronUpRegular />}
          </span>
        </button>
      </h3>
      <div id={listId} hidden={collapsed}>
        <ActionList items={items} label={`Actions for ${title}`} />
      </div>
    </section>
  );
});
