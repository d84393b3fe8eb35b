import type { ProblemDto } from "../bindings/ProblemDto";
import { DateField } from "./DateField";

type Props = {
  name: string;
  label: string;
  type: "text" | "password" | "date" | "month" | "email" | "select" | "checkbox" | "textarea";
  value: string;
  onChange: (value: string) => void;
  problems?: readonly ProblemDto[];
  options?: readonly { value: string; label: string }[];
  hint?: string;
  readOnly?: boolean;
  wide?: boolean;
  /** The control's `data-testid`, when a test finds it by one. */
  testId?: string;
};

/**
 * A labelled input whose `name` and `id` are the field's key, with the field's problems under it
 * as «ИНН: неверное контрольное число» (`data-testid="error-<name>"`).
 * A checkbox's value is "yes" or "no".
 */
export function FormField({ name, label, type, value, onChange, problems = [], options = [], hint, readOnly, wide, testId }: Props) {
  const errorId = `error-${name}`;
  const invalid = problems.length > 0;
  const common = {
    id: name,
    name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? errorId : undefined,
    "data-testid": testId,
  };
  let control;
  if (type === "checkbox") {
    control = (
      <input {...common} type="checkbox" checked={value === "yes"} disabled={readOnly} onChange={(e) => onChange(e.target.checked ? "yes" : "no")} />
    );
  } else if (type === "date" || type === "month") {
    control = (
      <DateField
        id={name}
        name={name}
        month={type === "month"}
        value={value}
        onChange={onChange}
        testId={testId}
        invalid={invalid}
        describedBy={invalid ? errorId : undefined}
        readOnly={readOnly}
      />
    );
  } else if (type === "select") {
    control = (
      <select {...common} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (type === "textarea") {
    control = <textarea {...common} rows={3} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />;
  } else {
    control = <input {...common} type={type} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className={`field${wide ? " wide" : ""}${type === "checkbox" ? " field-checkbox" : ""}${invalid ? " invalid" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {control}
      {hint && !invalid && <div className="field-hint">{hint}</div>}
      {invalid && (
        <div className="field-error" id={errorId} data-testid={errorId} role="alert">
          {problems.map((p, i) => (
            <div key={i}>
              {label}: {p.message}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
