import { useState } from "react";
import { partnerLedger } from "../api";
import { PartnerLedgerView } from "../accruals/PartnerLedgerView";
import { ErrorBanner } from "../components/ErrorBanner";
import { formatMoney } from "../format";
import { useI18n } from "../i18n";
import { AdjustDialog } from "./AdjustDialog";
import { AnnulDialog } from "./AnnulDialog";
import type { Adjusted } from "../bindings/Adjusted";
import { readBookAgain } from "../query/bookReads";
import { useQuery } from "../query/useQuery";

/** The card's «Начисления»: the balance today, the ledger, manual adjustments, and annulment for a breach of the rules. */
export function PartnerAccrualsTab({ partner }: { partner: string }) {
  const { t, lang } = useI18n();
  const loaded = useQuery(partnerLedger, [partner]);
  const [annulling, setAnnulling] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [adjusted, setAdjusted] = useState<Adjusted | null>(null);
  const ledger = loaded.data;
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
      {!ledger && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={loaded.error} />
      {ledger && <PartnerLedgerView ledger={ledger} />}
      {adjusting && ledger && (
        <AdjustDialog
          partner={partner}
          unit={ledger.balance.unit}
          onClose={() => setAdjusting(false)}
          onDone={(posted) => {
            setAdjusting(false);
            setAdjusted(posted);
            readBookAgain();
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
            readBookAgain();
          }}
        />
      )}
    </div>
  );
}
