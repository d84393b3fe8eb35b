import { clientCard } from "../api";
import type { Binding } from "../bindings/Binding";
import type { BindingEvent } from "../bindings/BindingEvent";
import { useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { ClientDiscountsSection } from "../discounts/DiscountTabs";
import { useGivesDiscounts } from "../discounts/givesDiscounts";
import { formatCount, formatDate } from "../format";
import { programName, useI18n } from "../i18n";
import { useQuery } from "../query/useQuery";

type Props = {
  program: string;
  client: string;
  onBack: () => void;
  onOpenPartner: (partner: string) => void;
};

/** A client's card: who it is, its binding history, and every attempt to bind it with the outcome. */
export function ClientCardView({ program, client, onBack, onOpenPartner }: Props) {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const loaded = useQuery(clientCard, [program, client]);
  const card = loaded.data;
  const discounts = useGivesDiscounts(card?.client.program);
  const date = (v: string | null) => formatDate(v, lang);
  const bindingColumns: SimpleColumn<Binding>[] = [
    { header: t("col.partner"), cell: (b) => `${b.partner_name} (${b.partner})` },
    { header: t("col.channel"), cell: (b) => t(`channel.${b.channel}`) },
    { header: t("col.since"), cell: (b) => date(b.since) },
    { header: t("col.until"), cell: (b) => date(b.until) },
  ];
  const eventColumns: SimpleColumn<BindingEvent>[] = [
    { header: t("col.date"), cell: (e) => date(e.date) },
    { header: t("col.code"), cell: (e) => e.code ?? "" },
    { header: t("col.partner"), cell: (e) => e.partner ?? "" },
    { header: t("col.channel"), cell: (e) => t(`channel.${e.channel}`) },
    { header: t("col.outcome"), cell: (e) => <span className={`label label-${e.outcome}`}>{t(`outcome.${e.outcome}`)}</span> },
    { header: t("col.reason"), cell: (e) => e.reason ?? e.reason_code ?? "", className: "wrap" },
  ];

  return (
    <section className="screen">
      <div className="breadcrumbs">
        <button type="button" className="link-button" onClick={onBack}>
          {t("common.back")}
        </button>
      </div>
      {!card && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={loaded.error} />
      {card && (
        <>
          <header className="screen-header card-header">
            <div>
              <h1>{card.client.name ?? card.client.client}</h1>
              <div className="card-sub">
                <span>{card.client.client}</span>
                <span>{programName(programs, card.client.program, lang)}</span>
                {card.client.inn && <span>{t("field.inn")} {card.client.inn}</span>}
                {card.client.registered && <span>{t("col.registered")} {date(card.client.registered)}</span>}
              </div>
            </div>
          </header>
          <dl className="facts">
            <div className="fact">
              <dt>{t("client.partnerNow")}</dt>
              <dd>
                {card.client.partner ? (
                  <button type="button" className="link-button" onClick={() => onOpenPartner(card.client.partner ?? "")}>
                    {card.client.partner_name ?? card.client.partner} ({card.client.partner})
                  </button>
                ) : (
                  t("clients.unbound")
                )}
              </dd>
            </div>
            {card.users !== null && (
              <div className="fact">
                <dt>{t("client.users")}</dt>
                <dd>{formatCount(card.users, lang)}</dd>
              </div>
            )}
            {card.active_since && (
              <div className="fact">
                <dt>{t("client.activeSince")}</dt>
                <dd>{date(card.active_since)}</dd>
              </div>
            )}
            {card.promo_ends && (
              <div className="fact">
                <dt>{t("client.promoEnds")}</dt>
                <dd>{date(card.promo_ends)}</dd>
              </div>
            )}
          </dl>
          <h3>{t("client.bindings")}</h3>
          <SimpleTable
            columns={bindingColumns}
            rows={card.bindings}
            empty={t("common.empty")}
            onRowClick={(b) => onOpenPartner(b.partner)}
          />
          {discounts && <ClientDiscountsSection program={card.client.program} client={card.client.client} onOpenPartner={onOpenPartner} />}
          <h3>{t("client.events")}</h3>
          <SimpleTable columns={eventColumns} rows={card.events} empty={t("common.empty")} />
        </>
      )}
    </section>
  );
}
