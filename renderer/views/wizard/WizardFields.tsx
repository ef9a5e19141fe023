// The boxes and option groups the Hyper-V Manager wizards' pages are made of: a labelled box with its
// messages under it, and a question with radio options, each with its description below.
import { useId, type ReactNode } from 'react';
import { Radio, RadioGroup } from '@fluentui/react-components';
import { Messages } from './Messages';

/** A labelled box (or select) with the page's messages about it. */
export function Field({
  label,
  field,
  wizard,
  children,
  id,
  testPrefix = 'new-vm',
}: {
  label: string;
  field: string;
  wizard: { readonly problems: readonly { field?: string; message: string }[] };
  children: ReactNode;
  id: string;
  /** Names the messages' test id: `${testPrefix}-${field}-messages`. */
  testPrefix?: string;
}) {
  const messages = wizard.problems.filter((p) => p.field === field);
  return (
    <div className="hv-folder-box">
      <div className="hv-folder-line">
        <label htmlFor={id}>{label}</label>
        {children}
      </div>
      <Messages messages={messages} testId={`${testPrefix}-${field}-messages`} />
    </div>
  );
}

/** A question and its options, as a radio group. */
export function Options<T extends string>({
  question,
  value,
  options,
  onChange,
  testId,
}: {
  question: string;
  value: T;
  options: { value: T; label: string; description?: string | undefined; disabled?: boolean }[];
  onChange(v: T): void;
  testId: string;
}) {
  const questionId = useId();
  return (
    <>
      <p id={questionId}>{question}</p>
      <RadioGroup aria-labelledby={questionId} value={value} onChange={(_e, d) => onChange(d.value as T)} data-testid={testId} className="hv-option-group">
        {options.map((o) => (
          <div key={o.value} className="hv-option">
            <Radio value={o.value} label={o.label} disabled={o.disabled} {...(o.description ? { 'aria-describedby': `${questionId}-${o.value}` } : {})} />
            {o.description && (
              <div id={`${questionId}-${o.value}`} className="hv-option-description">
                {o.description}
              </div>
            )}
          </div>
        ))}
      </RadioGroup>
    </>
  );
}
