import type { ReadyBalance } from "../bindings/ReadyBalance";
import type { ReadyTotal } from "../bindings/ReadyTotal";
import { useBook } from "../book";
import { formatCount, formatMoney, unitLabel } from "../format";
import { programName, useI18n } from "../i18n";

/** «Готово к конвертации»: partners whose available balance reaches their program's threshold. */
export function ReadyCard(props: {
  ready: readonly ReadyBalance[];
  /** The core's sums per unit. */
  totals: readonly ReadyTotal[];
  onBatch: () => void;
  onOpenPartner: (partner: string) => void;
}) {
  const { ready, totals, onBatch, onOpenPartner } = props;
  const { t, lang } = useI18n();
  const { programs } = useBook();
  return (
    <section className="ov-card ov-ready" data-testid="overview-ready" aria-label={t("overview.ready")}>
      <header className="ov-card-head">
        <h2>{t("overview.ready")}</h2>
        <span className="ov-count">{formatCount(ready.length, lang)}</span>
        <button type="button" className="primary ov-head-button" disabled={ready.length === 0} onClick={onBatch} data-testid="overview-batch-open">
          {t("batch.open")}
        </button>
      </header>
      {ready.length === 0 ? (
        <p className="muted ov-empty">{t("overview.readyNone")}</p>
      ) : (
        <div className="ov-scroll">
          <table className="simple-table ov-table">
            <tbody>
              {ready.map((r) => (
                <tr key={r.partner} className="clickable" data-testid={`ready-${r.partner}`} onClick={() => onOpenPartner(r.partner)}>
                  <td>{r.partner}</td>
                  <td className="ellipsis" title={r.name}>
                    {r.name}
                  </td>
                  <td className="muted">{programName(programs, r.program, lang)}</td>
                  <td className="right money" data-value={r.available}>
                    {formatMoney(r.available, r.unit, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {totals.map((x) => (
                <tr key={x.unit} className="totals" data-testid={`ready-total-${x.unit}`}>
                  <th colSpan={3}>{t("batch.total", { unit: unitLabel(x.unit, lang), n: formatCount(x.count, lang) })}</th>
                  <td className="right money" data-value={x.available}>
                    {formatMoney(x.available, x.unit, lang)}
                  </td>
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
