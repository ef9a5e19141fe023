// Help > Help Topics, F1 and the Help actions: the console's help window, open at one topic
// (renderer/help/help-topics.ts). Not modal: the help stays beside the window it explains.
import { action, computed, makeObservable, observable } from 'mobx';
import { HELP_TOPICS, type HelpTopic, type HelpTopicId } from '../help/help-topics';

export class HelpStore {
  /** The topic shown, or undefined while the help window is closed. */
  topicId: HelpTopicId | undefined = undefined;

  constructor() {
    makeObservable(this, { topicId: observable, topic: computed, open: action, close: action });
  }

  get topic(): HelpTopic | undefined {
    return HELP_TOPICS.find((t) => t.id === this.topicId);
  }

  open(topic: HelpTopicId = 'manager'): void {
    this.topicId = topic;
  }

  close(): void {
    this.topicId = undefined;
  }
}
