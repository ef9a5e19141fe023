// SMB bandwidth limits of a computer (Get-SmbBandwidthLimit), set and removed with
// Set-SmbBandwidthLimit / Remove-SmbBandwidthLimit. The value is checked by the cmdlet itself (at
// least 1 MB/s); its refusal is shown under the row as PowerShell words it.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ContractError, NetworkView } from '../../../engine/contract';
import { useRoot } from '../app/root-context';
import { SMB_CATEGORIES, bandwidthText } from './net-format';

type Category = (typeof SMB_CATEGORIES)[number]['value'];

export const BandwidthLimits = observer(function BandwidthLimits({ view }: { view: NetworkView }) {
  return (
    <section className="hv-net-section" aria-labelledby="net-bw-title">
      <h3 id="net-bw-title" className="hv-net-title">
        SMB bandwidth limits <span className="hv-text-muted">(feature FS-SMBBW; each an absolute cap for the category on {view.host})</span>
      </h3>
      <table className="hv-simple-table hv-net-table" data-testid="bandwidth-table">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Limit</th>
            <th scope="col">New limit (MB/s)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {SMB_CATEGORIES.map((c) => (
            <LimitRow key={`${view.host}-${c.value}`} view={view} category={c.value} what={c.what} />
          ))}
        </tbody>
      </table>
    </section>
  );
});

const LimitRow = observer(function LimitRow({ view, category, what }: { view: NetworkView; category: Category; what: string }) {
  const root = useRoot();
  const { network } = root;
  const [value, setValue] = useState('');
  const [failure, setFailure] = useState<{ cmdlet: string; error: ContractError } | undefined>();
  const error = failure?.error;
  const current = view.bandwidthLimits.find((l) => l.category === category);
  const busy = network.isBusy(`bw:${category}`);
  const inputId = `bw-${category}`;
  const errorId = `bw-${category}-error`;

  const set = async () => {
    const mb = Number(value.trim());
    // The cmdlet takes bytes per second; MB here means 1024 × 1024 bytes, as PowerShell's 1MB.
    if (!Number.isFinite(mb) || value.trim() === '') {
      // Not a number: the typed command cannot carry it, so the refusal is the one the engine gives
      // for text in a UInt64 parameter (engine/cmdlets/value-rules.ts), word for word.
      const message = `Cannot convert value "${value.trim()}" to type "System.UInt64".`;
      setFailure({
        cmdlet: 'Set-SmbBandwidthLimit',
        error: { code: 'InvalidParameter', message: `Cannot validate argument on parameter 'BytesPerSecond'. ${message}`, parameter: 'BytesPerSecond' },
      });
      return;
    }
    const bytes = Math.round(mb * 1024 * 1024);
    const result = await network.invoke(
      { cmdlet: 'Set-SmbBandwidthLimit', params: { Category: category, BytesPerSecond: bytes, CimSession: [view.host] } },
      `bw:${category}`,
    );
    if (result.ok) {
      setFailure(undefined);
      setValue('');
    } else {
      setFailure({ cmdlet: 'Set-SmbBandwidthLimit', error: result.error });
    }
  };
  const remove = async () => {
    const result = await network.invoke({ cmdlet: 'Remove-SmbBandwidthLimit', params: { Category: [category], CimSession: [view.host] } }, `bw:${category}`);
    setFailure(result.ok ? undefined : { cmdlet: 'Remove-SmbBandwidthLimit', error: result.error });
  };

  return (
    <>
      <tr data-testid={`bandwidth-${category}`}>
        <th scope="row" title={what}>
          {category}
        </th>
        <td data-testid={`bandwidth-current-${category}`}>
          {current ? bandwidthText(current.bytesPerSecond) : <span className="hv-text-muted">Not limited</span>}
        </td>
        <td>
          <label htmlFor={inputId} className="visually-hidden">
            New {category} limit in MB per second
          </label>
          <input
            id={inputId}
            className="hv-input hv-input-number"
            inputMode="decimal"
            value={value}
            placeholder="e.g. 500"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && value.trim()) void set();
            }}
            data-testid={`bandwidth-input-${category}`}
          />
        </td>
        <td className="hv-net-actions">
          <button
            type="button"
            className="hv-small-button"
            disabled={busy || !value.trim()}
            onClick={() => void set()}
            data-testid={`bandwidth-set-${category}`}
          >
            Set
          </button>
          <button
            type="button"
            className="hv-small-button"
            disabled={busy || !current}
            onClick={() => void remove()}
            data-testid={`bandwidth-remove-${category}`}
          >
            Remove
          </button>
        </td>
      </tr>
      {error && (
        <tr>
          <td colSpan={4}>
            <div id={errorId} className="hv-inline-error" role="alert" data-testid={`bandwidth-error-${category}`}>
              {failure?.cmdlet} : {error.message}
              {error.fix ? ` ${error.fix}` : ''}
            </div>
          </td>
        </tr>
      )}
    </>
  );
});
