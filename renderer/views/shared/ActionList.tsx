// The links of one Actions pane section: icon + text, hover highlight, a ▸ for submenus.
// Disabled actions stay focusable and say why in a tooltip.
import { Menu, MenuPopover, MenuTrigger, Tooltip } from '@fluentui/react-components';
import { ChevronRightRegular } from '@fluentui/react-icons';
import type { ActionItem } from '../../actions/action-item';
import { ActionIcon } from './ActionIcon';
import { ActionMenuList, radioMenuProps } from './ActionMenuList';

export function ActionList({ items, label }: { items: readonly ActionItem[]; label: string }) {
  return (
    <ul className="hv-action-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <ActionLink item={item} />
        </li>
      ))}
    </ul>
  );
}

function ActionLink({ item }: { item: ActionItem }) {
  const testId = `action-${item.id}`;
  if (item.submenu) {
    return (
      <Menu positioning={{ position: 'before', align: 'top' }} {...radioMenuProps(item.submenu)}>
        <MenuTrigger disableButtonEnhancement>
          <button type="button" className="hv-action" data-testid={testId}>
            <ActionIcon name={item.icon} />
            <span className="hv-action-label">{item.label}</span>
            <span className="hv-submenu-glyph" aria-hidden="true">
              <ChevronRightRegular />
            </span>
          </button>
        </MenuTrigger>
        <MenuPopover>
          <ActionMenuList items={item.submenu} label={item.label} />
        </MenuPopover>
      </Menu>
    );
  }
  const button = (
    <button
      type="button"
      className="hv-action"
      data-testid={testId}
      aria-disabled={item.enabled ? undefined : true}
      onClick={item.enabled ? () => item.run() : undefined}
    >
      <ActionIcon name={item.icon} />
      <span className="hv-action-label">{item.label}</span>
    </button>
  );
  if (item.enabled || !item.disabledReason) return button;
  return (
    <Tooltip content={item.disabledReason} relationship="description" positioning="before">
      {button}
    </Tooltip>
  );
}
