import type { Deadline } from "../bindings/Deadline";
import { formatCount, formatDate, formatMoney } from "../format";
import { useI18n } from "../i18n";

type Group = "overdue" | "today" | "week";

/** «через 3 дн.» / «сегодня» / «просрочено на 2 дн.». */
function daysText(d: Deadline, t: ReturnType<typeof useI18n>["t"], lang: ReturnType<typeof useI18n>["lang"]): string {
  if (d.days_left === 0) return t("overview.dueToday");
  if (d.days_left < 0) return t("overview.daysLate", { n: formatCount(-d.days_left, lang) });
  return t("overview.daysLeft", { n: formatCount(d.days_left, lang) });
}

/**
 * One group of deadlines (Просрочено, Сегодня, На этой неделе): per act what to do (sign or
 * pay), its number, the partner, the money and the day; a click opens the act.
 */
export function DeadlineCard(props: { group: Group; title: string; empty: string; deadlines: readonly Deadline[]; onOpen: (act: string) => void }) {
  const { group, title, empty, deadlines, onOpen } = props;
  const { t, lang } = useI18n();
  return (
    <section className={`ov-card ov-deadlines ov-${group}${deadlines.length > 0 ? " ov-has" : ""}`} data-testid={`overview-${group}`} aria-label={title}>
      <header className="ov-card-head">
        <h2>{title}</h2>
        <span className="ov-count" data-testid={`overview-${group}-count`}>
          {formatCount(deadlines.length, lang)}
        </span>
      </header>
      {deadlines.length === 0 ? (
        <p className="muted ov-empty">{empty}</p>
      ) : (
        <ul className="ov-list">
          {deadlines.map((d) => (
            <li key={`${d.act}-${d.what}`}>
              <button
                type="button"
                className="ov-item"
                data-testid={`deadline-${d.number}`}
                data-act={d.act}
                data-what={d.what}
                data-due={d.due}
                onClick={() => onOpen(d.act)}
              >
                <span className="ov-item-line">
                  <span className={`label label-due-${d.what}`}>{t(`deadline.${d.what}`)}</span>
                  <span className="ov-number">№ {d.number}</span>
                  <span className="ov-due" title={daysText(d, t, lang)}>
                    {t("overview.until", { date: formatDate(d.due, lang) })}
                  </span>
                </span>
                <span className="ov-item-line ov-item-sub">
                  <span className="ov-partner" title={`${d.partner} · ${d.name}`}>
                    {d.partner} · {d.name}
                  </span>
                  <span className="money">{formatMoney(d.money, d.currency, lang)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
