import { useState } from "react";
import { partnerCard } from "../api";
import type { PartnerCard } from "../bindings/PartnerCard";
import { useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { StatusLabel } from "../components/StatusLabel";
import { Tabs, type Tab } from "../components/Tabs";
import { formatDate } from "../format";
import { programName, useI18n } from "../i18n";
import { useGivesDiscounts } from "../discounts/givesDiscounts";
import { useQuery } from "../query/useQuery";
import { PartnerCardTabs, type CardTab } from "./PartnerCardTabs";

type Props = {
  partner: string;
  onBack: () => void;
  onEdit: (card: PartnerCard) => void;
  onOpenClient: (program: string, client: string) => void;
};

/**
 * A partner's card: the header, and tabs for requisites, contract, clients, accruals, acts, refusals
 * and history; for a program with discounts (tele2-ats) also its discount history and invited clients.
 */
export function PartnerCardView({ partner, onBack, onEdit, onOpenClient }: Props) {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const loaded = useQuery(partnerCard, [partner]);
  const [tab, setTab] = useState<CardTab>("requisites");

  const card = loaded.data;
  const p = card?.partner;
  // tele2-ats (and any program with discount rules) also shows its cabinet's two lists.
  const discounts = useGivesDiscounts(p?.program);
  const tabs: Tab<CardTab>[] = card
    ? [
        { key: "requisites", label: t("card.tab.requisites") },
        { key: "contract", label: t("card.tab.contract") },
        { key: "clients", label: t("card.tab.clients"), count: card.clients_now.length },
        ...(discounts
          ? [
              { key: "discounts" as const, label: t("card.tab.discounts") },
              { key: "invited" as const, label: t("card.tab.invited") },
            ]
          : []),
        { key: "accruals", label: t("card.tab.accruals") },
        { key: "acts", label: t("card.tab.acts") },
        { key: "refused", label: t("card.tab.refused"), count: card.refused.length },
        { key: "history", label: t("card.tab.history") },
      ]
    : [];
  // A tab the partner's program does not have (another partner's) falls back to the first.
  const shown: CardTab = tabs.some((x) => x.key === tab) ? tab : "requisites";
  return (
    <section className="screen">
      <div className="breadcrumbs">
        <button type="button" className="link-button" onClick={onBack}>
          {t("common.back")}
        </button>
      </div>
      {!card && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={loaded.error} />
      {card && p && (
        <>
          <header className="screen-header card-header">
            <div>
              <h1>
                {p.name} <StatusLabel status={p.status} />
              </h1>
              <div className="card-sub">
                <span>{p.partner_id}</span>
                <span>{programName(programs, p.program, lang)}</span>
                <span>{t(`kind.${p.kind}`)}</span>
                <span>
                  {t(`status.${p.status}`)} {t("card.statusSince", { date: formatDate(p.status_since, lang) })}
                </span>
              </div>
            </div>
            <button type="button" className="primary" onClick={() => onEdit(card)}>
              {t("card.edit")}
            </button>
          </header>
          <Tabs tabs={tabs} active={shown} onChange={setTab} testIdPrefix="card-tab" />
          <div className="tab-panel" role="tabpanel">
            <PartnerCardTabs tab={shown} card={card} onOpenClient={onOpenClient} />
          </div>
        </>
      )}
    </section>
  );
}
