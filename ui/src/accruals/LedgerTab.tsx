import { useEffect, useState, type FormEvent } from "react";
import { partnerLedger } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { PartnerLedger } from "../bindings/PartnerLedger";
import { ErrorBanner } from "../components/ErrorBanner";
import { toErrorDto } from "../errors";
import { useI18n } from "../i18n";
import { PartnerLedgerView } from "./PartnerLedgerView";
import { useBook } from "../book";

type Loaded = { key: string; ledger?: PartnerLedger; error?: ErrorDto };

/** Журнал партнёра: one partner's balance as of the day and its ledger; the partner is typed or comes from a balances row. */
export function LedgerTab(props: { partner: string; onPartner: (partner: string) => void; asOf: string; onOpenPartner?: (partner: string) => void }) {
  const { partner, onPartner, asOf, onOpenPartner } = props;
  const { t } = useI18n();
  const { refresh } = useBook();
  const [typed, setTyped] = useState(partner);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = `${partner}|${asOf}`;

  useEffect(() => {
    if (!partner) return;
    let live = true;
    partnerLedger(partner, asOf || undefined).then(
      (ledger) => live && setLoaded({ key, ledger }),
      (reason: unknown) => live && setLoaded({ key, error: toErrorDto(reason) }),
    );
    return () => {
      live = false;
    };
  }, [partner, asOf, key, refresh]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPartner(typed.trim());
  };
  const current = loaded?.key === key ? loaded : null;
  const b = current?.ledger?.balance;

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
      {partner && !current && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={current?.error ?? null} />
      {current?.ledger && <PartnerLedgerView ledger={current.ledger} />}
    </div>
  );
}
