import { useEffect, useRef, useState } from "react";
import { DAY_PATTERN, MONTH_PATTERN, parseDay, parseMonth, showDay, showMonth } from "../dateText";
import { useI18n } from "../i18n";
import { Calendar, MonthCalendar } from "./Calendar";

type Props = {
  name: string;
  /** ISO: `YYYY-MM-DD` for a day, `YYYY-MM` for a month; `""` for none. */
  value: string;
  /** Gets the ISO value of what was typed or picked, `""` while the text is not a date. */
  onChange: (iso: string) => void;
  /** A month (`YYYY-MM`) instead of a day. */
  month?: boolean;
  id?: string;
  /** The input's `data-testid` (the calendar's button and popup add `-calendar-open`, `-calendar`). */
  testId?: string;
  /** The field's problems are shown elsewhere (the core refused it). */
  invalid?: boolean;
  describedBy?: string;
  label?: string;
  readOnly?: boolean;
};

/**
 * A day (or month) typed as the app's language writes it — ДД.ММ.ГГГГ in Russian, ISO in
 * English, whatever the system's locale — or picked from a calendar. The input's
 * `data-value` holds the ISO value; a text that is not a date says so under the field once
 * the person leaves it.
 */
export function DateField(props: Props) {
  const { name, value, onChange, month = false, id = name, testId = name, invalid, describedBy, label, readOnly } = props;
  const { lang, t } = useI18n();
  const parse = month ? parseMonth : parseDay;
  const show = (iso: string) => (month ? showMonth(iso, lang) : showDay(iso, lang));

  // The text typed, for the value and language it was typed for: a new value from outside
  // (or another language) shows that value, unless the text already says it.
  const [draft, setDraft] = useState({ text: show(value), value, lang });
  let text = draft.text;
  if (draft.value !== value || draft.lang !== lang) {
    const keep = draft.lang === lang && (parse(draft.text) ?? "") === value;
    text = keep ? draft.text : show(value);
    setDraft({ text, value, lang });
  }
  const [left, setLeft] = useState(false);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLSpanElement>(null);

  const bad = text.trim() !== "" && parse(text) === null;
  const errorId = `date-error-${id}`;

  const type = (next: string) => {
    const iso = parse(next) ?? "";
    setDraft({ text: next, value: iso, lang });
    setLeft(false);
    if (iso !== value) onChange(iso);
  };

  const close = () => {
    setOpen(false);
    input.current?.focus();
  };

  const pick = (iso: string) => {
    setDraft({ text: show(iso), value: iso, lang });
    setOpen(false);
    setLeft(false);
    if (iso !== value) onChange(iso);
    input.current?.focus();
  };

  // A click anywhere else closes the calendar.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const pattern = month ? MONTH_PATTERN[lang] : DAY_PATTERN[lang];
  const describedByAll = [describedBy, bad && left ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <span className="date-field" ref={box}>
      <span className="date-field-line">
        <input
          ref={input}
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          size={month ? 8 : 11}
          placeholder={pattern}
          aria-label={label}
          aria-invalid={invalid || (bad && left) || undefined}
          aria-describedby={describedByAll}
          data-testid={testId}
          data-value={parse(text) ?? ""}
          value={text}
          readOnly={readOnly}
          onChange={(e) => type(e.target.value)}
          onBlur={() => {
            setLeft(true);
            const iso = parse(text);
            if (iso) setDraft({ text: show(iso), value: iso, lang });
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" && e.altKey && !readOnly) {
              e.preventDefault();
              setOpen(true);
            }
          }}
        />
        {!readOnly && (
          <button
            type="button"
            className="date-field-button"
            aria-label={t("calendar.open")}
            aria-expanded={open}
            data-testid={`${testId}-calendar-open`}
            onClick={() => setOpen(!open)}
          >
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden focusable="false">
              <rect x="1.5" y="2.5" width="11" height="10" rx="1" fill="none" stroke="currentColor" />
              <path d="M1.5 5.5h11M4.5 1v3M9.5 1v3" stroke="currentColor" />
            </svg>
          </button>
        )}
      </span>
      {open &&
        (month ? (
          <MonthCalendar value={parse(text) ?? ""} onPick={pick} onClose={close} testId={`${testId}-calendar`} />
        ) : (
          <Calendar value={parse(text) ?? ""} onPick={pick} onClose={close} testId={`${testId}-calendar`} />
        ))}
      {bad && left && (
        <span className="field-error" id={errorId} data-testid={errorId} role="alert">
          {t(month ? "date.badMonth" : "date.bad", { pattern })}
        </span>
      )}
    </span>
  );
}
