// The small icon in front of each action, in the Actions pane and in menus.
import {
  AddRegular,
  ArrowClockwiseRegular,
  ArrowExportRegular,
  ArrowImportRegular,
  ArrowMoveRegular,
  ArrowResetRegular,
  ArrowSyncRegular,
  ArrowUndoRegular,
  CameraRegular,
  ClipboardPasteRegular,
  CopyRegular,
  CutRegular,
  DeleteRegular,
  DesktopArrowRightRegular,
  DismissRegular,
  DocumentSearchRegular,
  EditRegular,
  EyeRegular,
  PauseRegular,
  PlayRegular,
  PlugConnectedRegular,
  PowerRegular,
  QuestionCircleRegular,
  RenameRegular,
  SaveRegular,
  SelectAllOnRegular,
  ServerRegular,
  SettingsRegular,
  StopRegular,
  StorageRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { ActionIcon as IconName } from '../../actions/action-item';

const ICONS: Record<IconName, { Icon: FluentIcon; tone?: 'start' | 'stop' }> = {
  new: { Icon: AddRegular },
  import: { Icon: ArrowImportRegular },
  settings: { Icon: SettingsRegular },
  switch: { Icon: PlugConnectedRegular },
  san: { Icon: StorageRegular },
  editDisk: { Icon: EditRegular },
  inspectDisk: { Icon: DocumentSearchRegular },
  stopService: { Icon: StopRegular, tone: 'stop' },
  remove: { Icon: DismissRegular },
  refresh: { Icon: ArrowClockwiseRegular },
  view: { Icon: EyeRegular },
  help: { Icon: QuestionCircleRegular },
  connect: { Icon: DesktopArrowRightRegular },
  start: { Icon: PlayRegular, tone: 'start' },
  turnOff: { Icon: PowerRegular, tone: 'stop' },
  shutDown: { Icon: PowerRegular },
  save: { Icon: SaveRegular },
  pause: { Icon: PauseRegular },
  resume: { Icon: PlayRegular, tone: 'start' },
  reset: { Icon: ArrowResetRegular },
  checkpoint: { Icon: CameraRegular },
  revert: { Icon: ArrowUndoRegular },
  move: { Icon: ArrowMoveRegular },
  export: { Icon: ArrowExportRegular },
  rename: { Icon: RenameRegular },
  replication: { Icon: ArrowSyncRegular },
  delete: { Icon: DeleteRegular },
  connectServer: { Icon: ServerRegular },
  cut: { Icon: CutRegular },
  copy: { Icon: CopyRegular },
  paste: { Icon: ClipboardPasteRegular },
  selectAll: { Icon: SelectAllOnRegular },
};

export function ActionIcon({ name }: { name: IconName }) {
  const { Icon, tone } = ICONS[name];
  return (
    <span className={`hv-action-icon${tone ? ` hv-icon-${tone}` : ''}`} aria-hidden="true">
      <Icon aria-hidden />
    </span>
  );
}
