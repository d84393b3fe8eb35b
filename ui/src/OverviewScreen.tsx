import { useState } from "react";
import { AccrualsChart } from "./accruals/AccrualsChart";
import { ActDialog } from "./acts/ActDialog";
import { BatchDialog } from "./acts/BatchDialog";
import { monthlyAccruals, overview } from "./api";
import { bookShown, useBook } from "./book";
import { ErrorBanner } from "./components/ErrorBanner";
import { formatCount, formatDate, formatDateTime } from "./format";
import { useI18n } from "./i18n";
import type { Section } from "./navigation";
import { DeadlineCard } from "./overview/DeadlineCard";
import { ReadyCard } from "./overview/ReadyCard";
import { readBookAgain } from "./query/bookReads";
import { useQuery } from "./query/useQuery";

/**
 * Сводка, where the app opens: what is overdue, due today and this week (acts to sign,
 * payouts to make; a click opens the act), the balances ready for conversion (and the batch
 * of acts), the last import, the drafts, and the accruals per month.
 */
export function OverviewScreen(props: { onGo: (section: Section) => void; onOpenPartner: (partner: string) => void }) {
  const { onGo, onOpenPartner } = props;
  const { t, lang } = useI18n();
  const { info } = useBook();
  const loaded = useQuery(overview, []);
  const months = useQuery(monthlyAccruals, []);
  const [open, setOpen] = useState<string | null>(null);
  const [batch, setBatch] = useState(false);
  const changed = readBookAgain;

  const o = loaded.data;
  const last = o?.last_import;
  return (
    <section className="screen overview">
      <header className="screen-header">
        <h1>{t("nav.overview")}</h1>
        <span className="muted" data-testid="overview-as-of">
          {o && t("overview.asOf", { date: formatDate(o.as_of, lang) })}
        </span>
      </header>
      <ErrorBanner error={loaded.error} />
      {!o && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      {o && (
        <>
          <div className="ov-grid ov-grid-3">
            <DeadlineCard group="overdue" title={t("overview.overdue")} empty={t("overview.overdueNone")} deadlines={o.overdue} onOpen={setOpen} />
            <DeadlineCard group="today" title={t("overview.today")} empty={t("overview.todayNone")} deadlines={o.today} onOpen={setOpen} />
            <DeadlineCard group="week" title={t("overview.week")} empty={t("overview.weekNone")} deadlines={o.week} onOpen={setOpen} />
          </div>
          <div className="ov-grid ov-grid-ready">
            <ReadyCard ready={o.ready} totals={o.ready_totals} onBatch={() => setBatch(true)} onOpenPartner={onOpenPartner} />
            <div className="ov-stack">
              <section className="ov-card" data-testid="overview-last-import" aria-label={t("overview.lastImport")}>
                <header className="ov-card-head">
                  <h2>{t("overview.lastImport")}</h2>
                  <button type="button" className="ov-head-button" onClick={() => onGo("import")}>
                    {t("overview.toImport")}
                  </button>
                </header>
                {last ? (
                  <dl className="ov-facts">
                    <dt>{t("col.file")}</dt>
                    <dd className="path" title={last.file}>
                      {last.file.split(/[\\/]/).pop()}
                    </dd>
                    <dt>{t("overview.importKind")}</dt>
                    <dd>{last.kind in KIND_KEYS ? t(KIND_KEYS[last.kind as keyof typeof KIND_KEYS]) : last.kind}</dd>
                    <dt>{t("col.at")}</dt>
                    <dd>{formatDateTime(last.at, lang)}</dd>
                    <dt>{t("col.rows")}</dt>
                    <dd>
                      {t("overview.importRows", {
                        rows: formatCount(last.rows, lang),
                        added: formatCount(last.added, lang),
                        refused: formatCount(last.refused, lang),
                      })}
                    </dd>
                  </dl>
                ) : (
                  <p className="muted ov-empty">{t("overview.noImport")}</p>
                )}
              </section>
              <section className="ov-card" data-testid="overview-drafts" aria-label={t("overview.drafts")}>
                <header className="ov-card-head">
                  <h2>{t("overview.drafts")}</h2>
                  <span className="ov-count" data-testid="overview-drafts-count">
                    {formatCount(o.drafts, lang)}
                  </span>
                  <button type="button" className="ov-head-button" onClick={() => onGo("acts")}>
                    {t("overview.toActs")}
                  </button>
                </header>
                <p className="muted ov-empty">{o.drafts > 0 ? t("overview.draftsHint") : t("overview.draftsNone")}</p>
              </section>
            </div>
          </div>
          <section className="ov-card ov-chart">
            <header className="ov-card-head">
              <h2>{t("accruals.tab.monthly")}</h2>
            </header>
            {months.data || months.error ? (
              <AccrualsChart data={months.data ?? []} />
            ) : (
              <p className="muted">{t("common.loading")}</p>
            )}
          </section>
          {info && (
            <p className="muted ov-book">
              {t("overview.book")}: <span className="path">{bookShown(info.book)}</span>
            </p>
          )}
        </>
      )}
      {open && <ActDialog act={open} onClose={() => setOpen(null)} onChanged={changed} />}
      {batch && <BatchDialog onClose={() => setBatch(false)} onDone={changed} />}
    </section>
  );
}

const KIND_KEYS = {
  partners: "import.kind.partners",
  clients: "import.kind.clients",
  billing: "import.kind.billing",
} as const;
