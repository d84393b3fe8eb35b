import { useEffect, useState } from "react";
import { partnerLedger } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { PartnerLedger } from "../bindings/PartnerLedger";
import { PartnerLedgerView } from "../accruals/PartnerLedgerView";
import { ErrorBanner } from "../components/ErrorBanner";
import { toErrorDto } from "../errors";
import { formatMoney } from "../format";
import { useI18n } from "../i18n";
import { AdjustDialog } from "./AdjustDialog";
import { AnnulDialog } from "./AnnulDialog";
import type { Adjusted } from "../bindings/Adjusted";
import { useBook } from "../book";

/** The card's «Начисления»: the balance today, the ledger, manual adjustments, and annulment for a breach of the rules. */
export function PartnerAccrualsTab({ partner }: { partner: string }) {
  const { t, lang } = useI18n();
  const { refresh } = useBook();
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; ledger?: PartnerLedger; error?: ErrorDto } | null>(null);
  const [annulling, setAnnulling] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [adjusted, setAdjusted] = useState<Adjusted | null>(null);
  const key = `${partner}|${version}`;

  useEffect(() => {
    let live = true;
    partnerLedger(partner).then(
      (ledger) => live && setLoaded({ key, ledger }),
      (reason: unknown) => live && setLoaded({ key, error: toErrorDto(reason) }),
    );
    return () => {
      live = false;
    };
  }, [partner, key, refresh]);

  const current = loaded?.key === key ? loaded : null;
  const ledger = current?.ledger ?? (loaded?.key.startsWith(`${partner}|`) ? loaded.ledger : undefined);
  return (
    <div className="tab-body">
      <div className="toolbar">
        <button type="button" disabled={!ledger} onClick={() => setAdjusting(true)} data-testid="adjust-open">
          {t("adjust.open")}
        </button>
        <button type="button" className="danger-outline" disabled={!ledger} onClick={() => setAnnulling(true)} data-testid="annul-open">
          {t("annul.open")}
        </button>
      </div>
      {done !== null && ledger && (
        <p className="ok-banner" role="status" data-testid="annul-done">
          {t("annul.done", { amount: formatMoney(done, ledger.balance.unit, lang) })}
        </p>
      )}
      {adjusted && (
        <p className="ok-banner" role="status" data-testid="adjust-done">
          {t("adjust.done", {
            amount: formatMoney(adjusted.amount, adjusted.unit, lang),
            available: formatMoney(adjusted.available, adjusted.unit, lang),
          })}
        </p>
      )}
      {!ledger && !current?.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={current?.error ?? null} />
      {ledger && <PartnerLedgerView ledger={ledger} />}
      {adjusting && ledger && (
        <AdjustDialog
          partner={partner}
          unit={ledger.balance.unit}
          onClose={() => setAdjusting(false)}
          onDone={(posted) => {
            setAdjusting(false);
            setAdjusted(posted);
            setVersion((v) => v + 1);
          }}
        />
      )}
      {annulling && ledger && (
        <AnnulDialog
          balance={ledger.balance}
          unconverted={ledger.unconverted}
          onClose={() => setAnnulling(false)}
          onDone={(amount) => {
            setAnnulling(false);
            setDone(amount);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}
