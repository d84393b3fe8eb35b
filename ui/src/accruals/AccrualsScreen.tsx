import { useState } from "react";
import { Tabs } from "../components/Tabs";
import { todayIso } from "../format";
import { useI18n } from "../i18n";
import { BalancesTab } from "./BalancesTab";
import { LedgerTab } from "./LedgerTab";
import { MonthlyTab } from "./MonthlyTab";
import { UnearnedTab } from "./UnearnedTab";

export type AccrualsTab = "balances" | "ledger" | "unearned" | "monthly";

/**
 * Начисления: balances as of a day (a row opens the partner's ledger), a partner's ledger,
 * the payments that earned nothing and why, and accruals per month.
 */
export function AccrualsScreen({ onOpenPartner }: { onOpenPartner: (partner: string) => void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<AccrualsTab>("balances");
  const [asOf, setAsOf] = useState(todayIso);
  const [program, setProgram] = useState<string | undefined>();
  const [partner, setPartner] = useState("");

  const openLedger = (p: string) => {
    setPartner(p);
    setTab("ledger");
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t("nav.accruals")}</h1>
      </header>
      <Tabs
        tabs={[
          { key: "balances", label: t("accruals.tab.balances") },
          { key: "ledger", label: t("accruals.tab.ledger") },
          { key: "unearned", label: t("accruals.tab.unearned") },
          { key: "monthly", label: t("accruals.tab.monthly") },
        ]}
        active={tab}
        onChange={setTab}
        testIdPrefix="accruals-tab"
      />
      <div className="tab-panel tab-fill" role="tabpanel">
        {tab === "balances" && (
          <BalancesTab asOf={asOf} onAsOf={setAsOf} program={program} onProgram={setProgram} onOpen={openLedger} />
        )}
        {tab === "ledger" && (
          <LedgerTab key={partner} partner={partner} onPartner={setPartner} asOf={asOf} onOpenPartner={onOpenPartner} />
        )}
        {tab === "unearned" && <UnearnedTab onOpenPartner={openLedger} />}
        {tab === "monthly" && <MonthlyTab />}
      </div>
    </section>
  );
}
