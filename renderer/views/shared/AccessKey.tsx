// Access keys as Windows writes them: "&Next >" underlines N and Alt+N presses the button. The
// underline shows once Alt is pressed, as Windows does by default ("Hide underlined letters for
// keyboard navigation until I press the Alt key", Ease of Access Center). "&&" is a literal "&".
import { Button, type ButtonProps } from '@fluentui/react-components';

/** The access key of a label, lower case ("&Next >" → "n"), or undefined when it has none. */
export function accessKeyOf(label: string): string | undefined {
  const m = /&([^&])/.exec(label.replace(/&&/g, ''));
  return m ? m[1]!.toLowerCase() : undefined;
}

/** The label without its marker ("&Next >" → "Next >"). */
export function plainLabel(label: string): string {
  return label.replace(/&(&?)/g, '$1');
}

/**
 * The label with its access key underlined (a <u> the screen reader reads as plain text), in one
 * span: inside a flex button, loose text beside the <u> would lose its spaces ("< Previous").
 */
export function AccessText({ label }: { label: string }) {
  const i = markerIndex(label);
  if (i < 0) return <>{plainLabel(label)}</>;
  return (
    <span>
      {plainLabel(label.slice(0, i))}
      <u className="hv-access">{label[i + 1]}</u>
      {plainLabel(label.slice(i + 2))}
    </span>
  );
}

function markerIndex(label: string): number {
  for (let i = 0; i < label.length - 1; i++) {
    if (label[i] !== '&') continue;
    if (label[i + 1] === '&') {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** The attributes that let a window's Alt+letter find an element, and tell assistive technology. */
export function accessKeyProps(label: string): { 'data-access-key'?: string; 'aria-keyshortcuts'?: string } {
  const key = accessKeyOf(label);
  return key ? { 'data-access-key': key, 'aria-keyshortcuts': `Alt+${key.toUpperCase()}` } : {};
}

/** A Fluent button whose label carries an access key: `<AccessButton label="&Next >" />`. */
export function AccessButton({ label, ...props }: ButtonProps & { label: string }) {
  return (
    <Button {...accessKeyProps(label)} {...props}>
      <AccessText label={label} />
    </Button>
  );
}
