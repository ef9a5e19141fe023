// Errors and warnings under a box or on a page: the message, then "To fix this:" and the fix.
import { ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';

export interface ShownMessage {
  message: string;
  fix?: string | undefined;
  severity?: 'error' | 'warning';
}

export function Messages({ id, messages, testId }: { id?: string; messages: readonly ShownMessage[]; testId?: string }) {
  if (!messages.length) return null;
  return (
    <div id={id} className="hv-page-messages" role="alert" data-testid={testId}>
      {messages.map((m, i) => (
        <div key={i} className={`hv-page-message ${m.severity ?? 'error'}`}>
          <span className="hv-page-message-icon" aria-hidden="true">
            {m.severity === 'warning' ? <WarningRegular /> : <ErrorCircleRegular />}
          </span>
          <div>
            <div>{m.message}</div>
            {m.fix && (
              <div className="hv-page-message-fix">
                <strong>To fix this:</strong> {m.fix}
              </div>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
