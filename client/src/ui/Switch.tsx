/** An on/off switch (`role="switch"`): the track, the thumb and its label, as every toggle of the app draws it. */
export function Switch(props: {
  on: boolean;
  onChange: (on: boolean) => void;
  label: string;
  title?: string;
  testId: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      className={props.on ? 'switch is-on' : 'switch'}
      aria-checked={props.on}
      aria-describedby={props.describedBy}
      title={props.title}
      disabled={props.disabled}
      onClick={() => props.onChange(!props.on)}
      data-testid={props.testId}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span>{props.label}</span>
    </button>
  );
}
