import { useId } from "react";
import type { MonthlyAccrual } from "../bindings/MonthlyAccrual";
import type { Lang } from "../bindings/Lang";
import { useBook } from "../book";
import { formatCount, formatMoney, unitLabel } from "../format";
import { programName, useI18n } from "../i18n";

const PALETTE = ["#2f6fb3", "#d9822b", "#1e7a3c", "#8e44ad", "#16a085", "#b8860b", "#7f8c8d"];
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 72 };
const GROUP = 56;

/** `2025-03` → `03.2025` in Russian, unchanged in English. */
export function monthLabel(month: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m && lang === "ru" ? `${m[2]}.${m[1]}` : month;
}

/** Every month from the first to the last, gaps included. */
function monthRange(months: readonly string[]): string[] {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 600; guard++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(month);
    if (month >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A round step for about `parts` ticks up to `max`. */
function niceStep(max: number, parts: number): number {
  if (max <= 0) return 1;
  const raw = max / parts;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

type Panel = { unit: string; programs: string[]; months: string[]; value: (month: string, program: string) => MonthlyAccrual | undefined };

function panels(data: readonly MonthlyAccrual[], order: readonly string[]): Panel[] {
  const units = [...new Set(data.map((d) => d.unit))];
  const rank = (p: string) => {
    const i = order.indexOf(p);
    return i < 0 ? order.length : i;
  };
  return units.map((unit) => {
    const mine = data.filter((d) => d.unit === unit);
    const programs = [...new Set(mine.map((d) => d.program))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const byKey = new Map(mine.map((d) => [`${d.month}|${d.program}`, d]));
    return { unit, programs, months: monthRange(mine.map((d) => d.month)), value: (month, program) => byKey.get(`${month}|${program}`) };
  });
}

/** One unit's bars: months along, one bar a program in each month, net accruals (credited − reversed) up. */
function UnitChart({ panel, colorOf }: { panel: Panel; colorOf: (program: string) => string }) {
  const { t, lang } = useI18n();
  const { programs: book } = useBook();
  const id = useId();
  const { unit, programs, months } = panel;
  const net = (month: string, program: string) => Number(panel.value(month, program)?.net ?? 0);
  const values = months.flatMap((m) => programs.map((p) => net(m, p)));
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  const step = niceStep(Math.max(top - bottom, 1), 4);
  const yMax = Math.max(step, Math.ceil(top / step) * step);
  const yMin = Math.floor(bottom / step) * step;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const width = MARGIN.left + MARGIN.right + Math.max(months.length * GROUP, 240);
  const y = (v: number) => MARGIN.top + ((yMax - v) / (yMax - yMin)) * plotH;
  const ticks: number[] = [];
  for (let v = yMin; v <= yMax + step / 2; v += step) ticks.push(v);
  const barW = Math.max(4, Math.min(22, (GROUP - 12) / Math.max(programs.length, 1)));
  const labelEvery = Math.max(1, Math.ceil(months.length / 18));
  const unitName = unitLabel(unit, lang);
  const title = t("chart.title", { unit: unitName });
  const name = (p: string) => programName(book, p, lang);
  const summary = t("chart.summary", {
    unit: unitName,
    programs: programs.map(name).join(", "),
    from: monthLabel(months[0] ?? "", lang),
    to: monthLabel(months[months.length - 1] ?? "", lang),
  });

  return (
    <figure className="chart" data-unit={unit}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <ul className="chart-legend" aria-label={t("chart.legend")}>
        {programs.map((p) => (
          <li key={p}>
            <span className="swatch" style={{ background: colorOf(p) }} aria-hidden />
            {name(p)}
          </li>
        ))}
      </ul>
      <div className="chart-scroll">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
        >
          <desc id={`${id}-desc`}>{summary}</desc>
          {ticks.map((v) => (
            <g key={v} className="tick">
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} className={v === 0 ? "axis" : "grid"} />
              <text x={MARGIN.left - 6} y={y(v) + 4} textAnchor="end">
                {formatCount(v, lang)}
              </text>
            </g>
          ))}
          {months.map((m, i) => {
            const x0 = MARGIN.left + i * GROUP + (GROUP - barW * programs.length) / 2;
            return (
              <g key={m}>
                {programs.map((p, k) => {
                  const row = panel.value(m, p);
                  const v = net(m, p);
                  if (!row) return null;
                  const top = y(Math.max(v, 0));
                  const h = Math.max(Math.abs(y(v) - y(0)), v === 0 ? 0 : 1);
                  return (
                    <rect
                      key={p}
                      data-testid="chart-bar"
                      data-program={p}
                      data-month={m}
                      data-value={row.net}
                      x={x0 + k * barW}
                      y={top}
                      width={barW - 2}
                      height={h}
                      fill={colorOf(p)}
                    >
                      <title>{`${name(p)}, ${monthLabel(m, lang)}: ${formatMoney(row.net, unit, lang)}`}</title>
                    </rect>
                  );
                })}
                {i % labelEvery === 0 && (
                  <text x={MARGIN.left + i * GROUP + GROUP / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className="month">
                    {monthLabel(m, lang)}
                  </text>
                )}
              </g>
            );
          })}
          <text x={MARGIN.left + (width - MARGIN.left - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-label">
            {t("chart.xAxis")}
          </text>
          <text
            transform={`translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`}
            textAnchor="middle"
            className="axis-label"
          >
            {t("chart.yAxis", { unit: unitName })}
          </text>
        </svg>
      </div>
      <details className="chart-table">
        <summary>{t("chart.asTable")}</summary>
        <table className="simple-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("chart.xAxis")}</th>
              {programs.map((p) => (
                <th key={p} scope="col" className="right">
                  {name(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m}>
                <th scope="row">{monthLabel(m, lang)}</th>
                {programs.map((p) => {
                  const row = panel.value(m, p);
                  return (
                    <td key={p} className="right money">
                      {row ? formatMoney(row.net, unit, lang) : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Accruals per month per program: one bar chart per unit (bonuses, ₽, ₸, $ never share an axis). */
export function AccrualsChart({ data }: { data: readonly MonthlyAccrual[] }) {
  const { t } = useI18n();
  const { programs } = useBook();
  const order = programs.map((p) => p.id);
  const colorOf = (program: string) => {
    const i = order.indexOf(program);
    return PALETTE[(i < 0 ? order.length : i) % PALETTE.length] ?? "#2f6fb3";
  };
  return (
    <div className="charts" data-testid="accruals-chart">
      {data.length === 0 ? (
        <p className="muted">{t("chart.empty")}</p>
      ) : (
        panels(data, order).map((panel) => <UnitChart key={panel.unit} panel={panel} colorOf={colorOf} />)
      )}
    </div>
  );
}
