// The help window: the topics on the left, the chosen one on the right (as the MMC's help viewer
// lays them out). Opened by Help > Help Topics, F1 (at the topic of the focused window or pane)
// and the Help actions.
import { observer } from 'mobx-react-lite';
import { Button } from '@fluentui/react-components';
import { HELP_TOPICS } from '../../help/help-topics';
import { useRoot } from '../app/root-context';
import { Markdown } from '../labs/Markdown';
import { WindowButtons, WindowFrame } from '../shared/WindowFrame';
import './help.css';

export const HelpWindow = observer(function HelpWindow() {
  const { help } = useRoot();
  const topic = help.topic;
  if (!topic) return null;
  return (
    <WindowFrame
      title="Hyper-V Manager Help"
      className="hv-help"
      testId="help-window"
      onCancel={() => help.close()}
      modal={false}
      minWidth={480}
      minHeight={320}
    >
      <div className="hv-help-body">
        <nav aria-label="Help topics" className="hv-help-topics">
          <ul role="listbox" aria-label="Help topics">
            {HELP_TOPICS.map((t) => (
              <li
                key={t.id}
                role="option"
                aria-selected={t.id === topic.id}
                tabIndex={t.id === topic.id ? 0 : -1}
                className="hv-help-topic"
                data-testid={`help-topic-${t.id}`}
                onClick={() => help.open(t.id)}
                onKeyDown={(e) => {
                  const i = HELP_TOPICS.indexOf(t);
                  const next = e.key === 'ArrowDown' ? HELP_TOPICS[i + 1] : e.key === 'ArrowUp' ? HELP_TOPICS[i - 1] : undefined;
                  if (!next) return;
                  e.preventDefault();
                  help.open(next.id);
                  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="help-topic-${next.id}"]`)?.focus());
                }}
              >
                {t.title}
              </li>
            ))}
          </ul>
        </nav>
        <article className="hv-help-article" aria-label={topic.title} data-testid="help-article" tabIndex={0}>
          <h2>{topic.title}</h2>
          <Markdown text={topic.text} headingLevel={3} />
        </article>
      </div>
      <WindowButtons>
        <Button appearance="primary" data-default-button onClick={() => help.close()}>
          Close
        </Button>
      </WindowButtons>
    </WindowFrame>
  );
});
