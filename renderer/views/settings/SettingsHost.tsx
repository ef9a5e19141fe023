// Renders the open settings dialog, if any (mounted once, beside the console's dialogs).
import { observer } from 'mobx-react-lite';
import { useRoot } from '../app/root-context';
import { HostSettingsDialog } from './HostSettingsDialog';
import { VmSettingsDialog } from './VmSettingsDialog';
import { VirtualSwitchManager } from './VirtualSwitchManager';

export const SettingsHost = observer(function SettingsHost() {
  const { settings } = useRoot();
  if (settings.hostSettings) return <HostSettingsDialog store={settings.hostSettings} />;
  if (settings.vmSettings) return <VmSettingsDialog store={settings.vmSettings} />;
  if (settings.switchManager) return <VirtualSwitchManager store={settings.switchManager} />;
  return null;
});
