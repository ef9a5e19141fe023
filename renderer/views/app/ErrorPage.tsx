// Shown instead of the console when it cannot reach the engine at all (no token, refused, host gone).
import { observer } from 'mobx-react-lite';
import { Button } from '@fluentui/react-components';
import { PlugDisconnectedRegular } from '@fluentui/react-icons';
import { useRoot } from './root-context';

export const ErrorPage = observer(function ErrorPage() {
  const { connection } = useRoot();
  const status = connection.status;
  return (
    <main className="hv-error-page" data-testid="error-page">
      <div className="hv-error-card" role="alert">
        <span className="hv-error-icon" aria-hidden="true">
          <PlugDisconnectedRegular />
        </span>
        <div>
          <h1>Hyper-V Manager cannot connect to the Hyper-V Mobility Lab engine</h1>
          <p>{status.detail ?? 'The connection to the engine failed.'}</p>
          <p>
            To start the browser host, run <code className="hv-code">npm start</code> (or <code className="hv-code">npx tsx web.main.ts</code>) in the project
            folder and open the address it prints.
          </p>
          {status.retryable !== false && (
            <Button appearance="primary" onClick={() => connection.retry()} data-testid="error-page-retry" disabled={status.phase === 'connecting'}>
              {status.phase === 'connecting' ? 'Connecting…' : 'Try again'}
            </Button>
          )}
        </div>
      </div>
    </main>
  );
});
