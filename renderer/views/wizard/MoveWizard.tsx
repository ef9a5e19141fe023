// The Move Wizard window (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"): title 'Move "<VM>" Wizard'
// in the wizard frame every Hyper-V Manager wizard shares (WizardFrame.tsx).
import { observer } from 'mobx-react-lite';
import { ArrowMoveRegular } from '@fluentui/react-icons';
import type { MoveWizardStore } from '../../stores/wizard-move';
import { useRoot } from '../app/root-context';
import { WizardFrame } from './WizardFrame';
import { WizardPageContent } from './WizardPages';

/** Renders the open Move Wizard, if any (mounted once, beside the console's dialogs). */
export const MoveWizardHost = observer(function MoveWizardHost() {
  const { wizards } = useRoot();
  const wizard = wizards.move;
  return wizard ? <MoveWizard wizard={wizard} /> : null;
});

const MoveWizard = observer(function MoveWizard({ wizard }: { wizard: MoveWizardStore }) {
  return (
    <WizardFrame
      wizard={wizard}
      title={`Move "${wizard.vm.name}" Wizard`}
      icon={<ArrowMoveRegular />}
      testId="move-wizard"
      busyText={wizard.checking ? 'Checking…' : wizard.finishing ? 'Starting the move…' : ''}
    >
      <WizardPageContent wizard={wizard} />
    </WizardFrame>
  );
});
