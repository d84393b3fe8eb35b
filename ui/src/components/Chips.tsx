export type Chip<V extends string> = { value: V; label: string };

/** One-of filter chips with «Все»; clicking the chosen chip again clears the choice. */
export function Chips<V extends string>(props: {
  label: string;
  allLabel: string;
  chips: readonly Chip<V>[];
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  /** Each chip gets `data-testid="<prefix>-<value>"`, «all» `<prefix>-all`. */
  testIdPrefix?: string;
}) {
  const { label, allLabel, chips, value, onChange, testIdPrefix } = props;
  const testId = (v: string) => (testIdPrefix ? `${testIdPrefix}-${v}` : undefined);
  return (
    <div className="chips" role="group" aria-label={label}>
      <span className="chips-label">{label}:</span>
      <button type="button" className="chip" aria-pressed={value === undefined} onClick={() => onChange(undefined)} data-testid={testId("all")}>
        {allLabel}
      </button>
      {chips.map((chip) => (
        <button
          key={chip.value}
          type="button"
          className="chip"
          aria-pressed={value === chip.value}
          data-testid={testId(chip.value)}
          onClick={() => onChange(value === chip.value ? undefined : chip.value)}
        >
          {chip.label}
        </button>
      ))}
    </div>
  );
}
