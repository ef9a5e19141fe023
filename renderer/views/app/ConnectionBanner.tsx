// The bar under the menu while the socket is down, and the engine's one-off notices.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular, PlugDisconnectedRegular } from '@fluentui/react-icons';
import { useRoot } from './root-context';

export const ConnectionBanner = observer(function ConnectionBanner() {
  const { connection } = useRoot();
  const status = connection.status;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (status.phase !== 'reconnecting') return;
    const h = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(h);
  }, [status.phase]);
  if (status.phase !== 'reconnecting') return null;
  const seconds = status.nextAttemptAt ? Math.max(0, Math.ceil((status.nextAttemptAt - Date.now()) / 1000)) : 0;
  return (
    <div className="hv-banner" role="alert" data-testid="connection-banner">
      <PlugDisconnectedRegular aria-hidden="true" style={{ fontSize: 16 }} />
      <span>Disconnected from the engine — reconnecting…</span>
      <span className="hv-banner-detail">
        {seconds > 0 ? `Next attempt in ${seconds} s` : 'Trying now'}
        {status.attempt ? ` (attempt ${status.attempt})` : ''}. What you see may be out of date; commands are not sent until the connection is back.
      </span>
      <Button size="small" onClick={() => connection.retry()}>
        Retry now
      </Button>
    </div>
  );
});

export const NoticeBar = observer(function NoticeBar() {
  const { notices } = useRoot();
  if (notices.items.length === 0) return null;
  return (
    <div data-testid="notices" style={{ flex: 'none' }}>
      {notices.items.map((n) => (
        <MessageBar key={n.id} intent={n.level === 'info' ? 'info' : n.level} layout="multiline">
          <MessageBarBody>{n.message}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={() => notices.dismiss(n.id)} />}
          />
        </MessageBar>
      ))}
    </div>
  );
});
