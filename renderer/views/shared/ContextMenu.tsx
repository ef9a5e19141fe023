// A right-click (or Shift+F10 / Menu key) menu at a point, listing ActionItems.
import { Menu, MenuPopover, type PositioningVirtualElement } from '@fluentui/react-components';
import type { ActionItem } from '../../actions/action-item';
import { ActionMenuList, radioMenuProps } from './ActionMenuList';

export interface ContextMenuRequest {
  x: number;
  y: number;
  label: string;
  items: ActionItem[];
  /** Where keyboard focus goes back to when the menu closes. */
  returnFocus?: HTMLElement | null;
}

export function ContextMenu({ request, onClose }: { request: ContextMenuRequest | undefined; onClose(): void }) {
  if (!request) return null;
  const { x, y } = request;
  const target: PositioningVirtualElement = {
    getBoundingClientRect: () => ({ x, y, left: x, top: y, right: x, bottom: y, width: 0, height: 0 }),
  };
  return (
    <Menu
      open
      onOpenChange={(_e, data) => {
        if (!data.open) {
          onClose();
          request.returnFocus?.focus();
        }
      }}
      positioning={{ target, position: 'below', align: 'start' }}
      {...radioMenuProps(request.items)}
    >
      <MenuPopover data-testid="context-menu">
        <ActionMenuList items={request.items} label={request.label} />
      </MenuPopover>
    </Menu>
  );
}
