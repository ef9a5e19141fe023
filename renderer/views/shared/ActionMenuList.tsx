// Renders a list of ActionItems as Fluent menu items: the menu bar's Action menu, right-click menus
// and the submenus of the Actions pane (New, View).
import { Menu, MenuDivider, MenuItem, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, type MenuProps } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { ActionItem } from '../../actions/action-item';
import { ActionIcon } from './ActionIcon';

const RADIO_GROUP = 'choice';

/**
 * Props for the <Menu> that holds a list with radio items (the theme choice): Fluent wants the
 * checked state on the Menu, not on its MenuList.
 */
export function radioMenuProps(items: readonly ActionItem[]): Pick<MenuProps, 'checkedValues' | 'onCheckedValueChange'> {
  if (!items.some((i) => i.checked !== undefined)) return {};
  return {
    checkedValues: { [RADIO_GROUP]: items.filter((i) => i.checked === true).map((i) => i.id) },
    onCheckedValueChange: (_e, data) => {
      const id = data.checkedItems[0];
      items.find((i) => i.id === id)?.run();
    },
  };
}

export function ActionMenuList({ items, label }: { items: readonly ActionItem[]; label?: string }) {
  return (
    <MenuList aria-label={label}>
      {items.map((item) => (
        <Fragment key={item.id}>
          {item.separatorBefore && <MenuDivider />}
          <ActionMenuItem item={item} />
        </Fragment>
      ))}
    </MenuList>
  );
}

function ActionMenuItem({ item }: { item: ActionItem }) {
  const testId = `menuitem-${item.id}`;
  if (item.submenu) {
    return (
      <Menu {...radioMenuProps(item.submenu)}>
        <MenuTrigger disableButtonEnhancement>
          <MenuItem icon={<ActionIcon name={item.icon} />} data-testid={testId}>
            {item.label}
          </MenuItem>
        </MenuTrigger>
        <MenuPopover>
          <ActionMenuList items={item.submenu} label={item.label} />
        </MenuPopover>
      </Menu>
    );
  }
  if (item.checked !== undefined) {
    return (
      <MenuItemRadio name={RADIO_GROUP} value={item.id} data-testid={testId}>
        {item.label}
      </MenuItemRadio>
    );
  }
  return (
    <MenuItem
      icon={<ActionIcon name={item.icon} />}
      disabled={!item.enabled}
      title={item.enabled ? undefined : item.disabledReason}
      data-testid={testId}
      onClick={item.enabled ? () => item.run() : undefined}
    >
      {item.label}
    </MenuItem>
  );
}
