import { clientDiscounts, discountHistory, invitedClients } from "../api";
import type { InvitedClient } from "../bindings/InvitedClient";
import { ErrorBanner } from "../components/ErrorBanner";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatDate, todayIso } from "../format";
import { useI18n } from "../i18n";
import { DiscountPeriodsTable } from "./DiscountPeriodsTable";
import { useQuery } from "../query/useQuery";

/** The partner card's «История скидок»: the inviter's periods and SMS packages, the one running today marked. */
export function PartnerDiscountsTab({ partner }: { partner: string }) {
  const { t } = useI18n();
  const loaded = useQuery(discountHistory, [partner]);
  return (
    <div className="tab-body">
      {!loaded.data && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={loaded.error} />
      {loaded.data && (
        <DiscountPeriodsTable
          periods={loaded.data}
          today={todayIso()}
          role="inviter"
          empty={t("discount.noHistory")}
          testId="discount-history"
        />
      )}
    </div>
  );
}

/** The partner card's «Приведенные клиенты»: who registered the partner's code, and when. */
export function PartnerInvitedTab({ partner, program, onOpenClient }: { partner: string; program: string; onOpenClient: (program: string, client: string) => void }) {
  const { t, lang } = useI18n();
  const loaded = useQuery(invitedClients, [partner]);
  const columns: SimpleColumn<InvitedClient>[] = [
    { header: t("col.client"), cell: (c) => c.client },
    { header: t("col.name"), cell: (c) => c.name ?? "", className: "wrap" },
    { header: t("discount.col.activated"), cell: (c) => formatDate(c.activated, lang) },
  ];
  return (
    <div className="tab-body">
      {!loaded.data && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={loaded.error} />
      {loaded.data && (
        <SimpleTable
          columns={columns}
          rows={loaded.data}
          empty={t("discount.noInvited")}
          testId="invited-clients"
          onRowClick={(c) => onOpenClient(program, c.client)}
        />
      )}
    </div>
  );
}

/** The client card's «Скидки»: the client's own periods for registering an inviter's code. */
export function ClientDiscountsSection({ program, client, onOpenPartner }: { program: string; client: string; onOpenPartner: (partner: string) => void }) {
  const { t } = useI18n();
  const loaded = useQuery(clientDiscounts, [program, client]);
  return (
    <>
      <h3>{t("client.discounts")}</h3>
      {!loaded.data && !loaded.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={loaded.error} />
      {loaded.data && (
        <DiscountPeriodsTable
          periods={loaded.data}
          today={todayIso()}
          role="invitee"
          empty={t("discount.noClientDiscounts")}
          testId="client-discounts"
          onOpenPartner={onOpenPartner}
        />
      )}
    </>
  );
}
