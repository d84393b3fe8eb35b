import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { addDays, addMonths, MONTH_NAMES, monthWeeks, WEEKDAYS } from "../dateText";
import { todayIso } from "../format";
import { useI18n } from "../i18n";

type Props = {
  /** The day chosen, ISO, or `""`. */
  value: string;
  onPick: (iso: string) => void;
  onClose: () => void;
  testId: string;
};

/**
 * A month of days to pick one from, in the app's language (Monday first in Russian), today
 * marked. Keys: arrows move a day / a week, PageUp/PageDown a month, Enter picks, Esc closes.
 */
export function Calendar({ value, onPick, onClose, testId }: Props) {
  const { lang, t } = useI18n();
  const today = todayIso();
  const [focused, setFocused] = useState(value || today);
  const grid = useRef<HTMLDivElement>(null);
  const [y, m] = focused.split("-").map(Number) as [number, number];

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused]);

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => addMonths(focused, -1),
      PageDown: () => addMonths(focused, 1),
    };
    const move = moves[e.key];
    if (move) {
      setFocused(move());
    } else if (e.key === "Enter") {
      onPick(focused);
    } else if (e.key === "Escape") {
      onClose();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="calendar" role="dialog" aria-label={t("calendar.label")} data-testid={testId} onKeyDown={onKey}>
      <div className="calendar-head">
        <button type="button" aria-label={t("calendar.previous")} data-testid={`${testId}-previous`} onClick={() => setFocused(addMonths(focused, -1))}>
          ‹
        </button>
        <span className="calendar-title" data-testid={`${testId}-title`} aria-live="polite">
          {MONTH_NAMES[lang][m - 1]} {y}
        </span>
        <button type="button" aria-label={t("calendar.next")} data-testid={`${testId}-next`} onClick={() => setFocused(addMonths(focused, 1))}>
          ›
        </button>
      </div>
      <div role="grid" ref={grid} className="calendar-grid">
        <div role="row" className="calendar-row">
          {WEEKDAYS[lang].map((d) => (
            <span key={d} role="columnheader" className="calendar-weekday">
              {d}
            </span>
          ))}
        </div>
        {monthWeeks(y, m, lang).map((week, i) => (
          <div role="row" key={i} className="calendar-row">
            {week.map((day, j) =>
              day === null ? (
                <span key={j} role="gridcell" />
              ) : (
                <span key={day} role="gridcell" aria-selected={day === value}>
                  <button
                    type="button"
                    data-day={day}
                    tabIndex={day === focused ? 0 : -1}
                    className={`calendar-day${day === today ? " today" : ""}${day === value ? " chosen" : ""}`}
                    aria-current={day === today ? "date" : undefined}
                    onClick={() => onPick(day)}
                  >
                    {Number(day.slice(8))}
                  </button>
                </span>
              ),
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

/** A year of months to pick one from (`YYYY-MM`), this month marked. Arrows move, Enter picks, Esc closes. */
export function MonthCalendar({ value, onPick, onClose, testId }: Props) {
  const { lang, t } = useI18n();
  const thisMonth = todayIso().slice(0, 7);
  const [focused, setFocused] = useState(`${value || thisMonth}-01`);
  const grid = useRef<HTMLDivElement>(null);
  const month = focused.slice(0, 7);
  const year = Number(focused.slice(0, 4));

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-month="${month}"]`)?.focus();
  }, [month]);

  const onKey = (e: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -3, ArrowDown: 3, PageUp: -12, PageDown: 12 };
    const step = steps[e.key];
    if (step !== undefined) setFocused(addMonths(focused, step));
    else if (e.key === "Enter") onPick(month);
    else if (e.key === "Escape") onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="calendar" role="dialog" aria-label={t("calendar.label")} data-testid={testId} onKeyDown={onKey}>
      <div className="calendar-head">
        <button type="button" aria-label={t("calendar.previousYear")} data-testid={`${testId}-previous`} onClick={() => setFocused(addMonths(focused, -12))}>
          ‹
        </button>
        <span className="calendar-title" data-testid={`${testId}-title`} aria-live="polite">
          {year}
        </span>
        <button type="button" aria-label={t("calendar.nextYear")} data-testid={`${testId}-next`} onClick={() => setFocused(addMonths(focused, 12))}>
          ›
        </button>
      </div>
      <div ref={grid} className="calendar-months">
        {MONTH_NAMES[lang].map((name, i) => {
          const m = `${year}-${String(i + 1).padStart(2, "0")}`;
          return (
            <button
              key={m}
              type="button"
              data-month={m}
              tabIndex={m === month ? 0 : -1}
              className={`calendar-day${m === thisMonth ? " today" : ""}${m === value ? " chosen" : ""}`}
              aria-current={m === thisMonth ? "date" : undefined}
              aria-pressed={m === value}
              onClick={() => onPick(m)}
            >
              {name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
