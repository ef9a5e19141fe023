// Inspect Disk...: the Open dialog over the server's virtual hard disk files, then the Virtual Hard
// Disk Properties window of Windows Server 2012 R2 Hyper-V Manager, with Inspect Parent for a
// differencing disk and Close.
import { observer } from 'mobx-react-lite';
import { Button } from '@fluentui/react-components';
import { HardDriveRegular } from '@fluentui/react-icons';
import { DEFAULT_VHD_FOLDER } from '../../stores/wizard-new-vm';
import { useRoot } from '../app/root-context';
import { AccessButton } from '../shared/AccessKey';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import { FilePicker } from './FilePicker';

export const InspectDiskHost = observer(function InspectDiskHost() {
  const { wizards, bridge } = useRoot();
  const inspect = wizards.disks.inspect;
  if (!inspect) return null;
  if (inspect.phase === 'open')
    return (
      <FilePicker
        bridge={bridge}
        host={inspect.host.name}
        initial=""
        defaultFolder={DEFAULT_VHD_FOLDER}
        onChoose={(path) => void inspect.inspect(path)}
        onCancel={() => inspect.close()}
      />
    );
  const d = inspect.disk;
  return (
    <WindowFrame title="Virtual Hard Disk Properties" className="hv-vhd-properties" testId="vhd-properties" onCancel={() => inspect.close()} minWidth={420}>
      <WindowContent>
        <div className="hv-vhd-properties-head">
          <HardDriveRegular aria-hidden="true" className="hv-vhd-properties-icon" />
          <span>{d ? 'Properties of the virtual hard disk' : 'Reading the virtual hard disk…'}</span>
        </div>
        {d && (
          <table className="hv-wizard-table hv-vhd-properties-table" aria-label="Virtual hard disk properties" data-testid="vhd-properties-table">
            <tbody>
              {inspect.rows.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td className="hv-path">{v}</td>
                </tr>
              ))}
              {d.VhdType === 'Differencing' && (
                <tr>
                  <th scope="row">Parent:</th>
                  <td className="hv-path">
                    {d.ParentPath} <AccessButton label="&Inspect Parent" onClick={() => void inspect.inspectParent()} data-testid="vhd-inspect-parent" />
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </WindowContent>
      <WindowButtons>
        <Button appearance="primary" data-default-button onClick={() => inspect.close()} data-testid="vhd-properties-close">
          Close
        </Button>
      </WindowButtons>
    </WindowFrame>
  );
});
