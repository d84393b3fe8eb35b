import { useState, type FormEvent } from "react";
import { partnerLedger } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { useI18n } from "../i18n";
import { useQuery } from "../query/useQuery";
import { PartnerLedgerView } from "./PartnerLedgerView";

/** Журнал партнёра: one partner's balance as of the day and its ledger; the partner is typed or comes from a balances row. */
export function LedgerTab(props: { partner: string; onPartner: (partner: string) => void; asOf: string; onOpenPartner?: (partner: string) => void }) {
  const { partner, onPartner, asOf, onOpenPartner } = props;
  const { t } = useI18n();
  const [typed, setTyped] = useState(partner);
  const loaded = useQuery(partnerLedger, partner ? [partner, asOf || undefined] : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPartner(typed.trim());
  };
  const ledger = loaded.data;
  const b = ledger?.balance;

  return (
    <div className="tab-body">
      <form className="toolbar" onSubmit={submit}>
        <label className="inline-field">
          <span>{t("col.partner")}</span>
          <input name="ledger-partner" data-testid="ledger-partner" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="submit" disabled={typed.trim() === ""}>
          {t("ledger.show")}
        </button>
        {b && (
          <span className="ledger-who">
            <strong>{b.name}</strong>
            {onOpenPartner && (
              <button type="button" className="link-button" onClick={() => onOpenPartner(b.partner)}>
                {t("ledger.openCard")}
              </button>
            )}
          </span>
        )}
      </form>
      {!partner && <p className="muted">{t("ledger.choose")}</p>}
      {partner && !ledger && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={loaded.error} />
      {ledger && <PartnerLedgerView ledger={ledger} />}
    </div>
  );
}
