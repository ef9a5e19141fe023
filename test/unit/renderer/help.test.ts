// The console's help: F1 finds the topic of the window or pane that has the focus, every place
// names a topic that exists, and the Actions pane's Help opens the help rather than About.
import { describe, expect, it } from 'vitest';
import { HELP_BY_PLACE, HELP_TOPICS, helpTopicFor } from '../../../renderer/help/help-topics';
import { hostActions, vmActions } from '../../../renderer/actions/catalogue';
import { rootWithWorld } from '../../support/renderer-root';

/** A stand-in for a DOM element: its data-testid and its parent. */
function element(testId: string | null, parentElement: Element | null = null): Element {
  return { getAttribute: (name: string) => (name === 'data-testid' ? testId : null), parentElement } as unknown as Element;
}

describe('help', () => {
  it('F1 opens the topic of the nearest window or pane around the focus, else the Manager overview', () => {
    const wizard = element('move-wizard', element('app'));
    const button = element('wizard-next', element(null, wizard));
    expect(helpTopicFor(button)).toBe('move-wizard');
    expect(helpTopicFor(element('network-host', element('network-pane')))).toBe('smb-direct');
    expect(helpTopicFor(element('vm-row-DC01'))).toBe('manager');
    expect(helpTopicFor(element('new-vhd-format', element('new-vhd-wizard')))).toBe('virtual-disks');
    expect(helpTopicFor(element('vhd-properties'))).toBe('virtual-disks');
    expect(helpTopicFor(null)).toBe('manager');
  });

  it('every place names a topic that exists, and every topic has a title and text', () => {
    const ids = new Set(HELP_TOPICS.map((t) => t.id));
    expect(ids.size).toBe(HELP_TOPICS.length);
    for (const topic of Object.values(HELP_BY_PLACE)) expect(ids.has(topic), topic).toBe(true);
    for (const t of HELP_TOPICS) expect(t.title.length > 0 && t.text.length > 100, t.id).toBe(true);
  });

  it("the Actions pane's Help opens the help window", () => {
    const { root } = rootWithWorld();
    const host = root.inventory.hyperVHosts[0]!;
    hostActions(root, host)
      .find((a) => a.id === 'help')!
      .run();
    expect(root.help.topic?.title).toBe('Hyper-V Manager');
    vmActions(root, root.inventory.world!.vms[0]!)
      .find((a) => a.id === 'help')!
      .run();
    expect(root.help.topicId).toBe('move');
    expect(root.dialogs.current).toBeUndefined();
  });
});
