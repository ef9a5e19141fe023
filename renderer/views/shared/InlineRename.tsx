// The text box an in-place rename shows over a name (renderer/stores/rename-store.ts): it takes
// focus with the name selected; Enter or leaving it commits, Esc cancels.
import { useEffect, useRef, type KeyboardEvent } from 'react';

export function InlineRename({
  value,
  label,
  onCommit,
  onCancel,
  testId,
}: {
  value: string;
  label: string;
  onCommit(text: string): void;
  onCancel(): void;
  testId: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(ref.current?.value ?? value);
    else onCancel();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish(false);
    }
  };
  return (
    <input
      ref={ref}
      className="hv-inline-rename"
      defaultValue={value}
      aria-label={label}
      maxLength={100}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
      onMouseDown={(e) => e.stopPropagation()}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
