import { useEffect, useState } from "react";
import { Tabs } from "../components/Tabs";
import { listenFileDrop } from "../fileDrop";
import { useI18n } from "../i18n";
import { ActDialog } from "./ActDialog";
import { ActsTab } from "./ActsTab";
import { BankStatementDialog } from "./BankStatementDialog";
import type { ActFilter } from "./ActsTable";
import { BatchDialog } from "./BatchDialog";
import { RegisterTab } from "./RegisterTab";
import { SignedPackageDialog } from "./SignedPackageDialog";
import { readBookAgain } from "../query/bookReads";

type ActsScreenTab = "acts" | "register";

/**
 * Акты и выплаты: the acts by state with their deadlines (a row opens the act), the month's
 * payout register, «Сформировать акты за месяц» (every ready balance as a batch) and
 * «Загрузить выписку» (the bank's statement marks the acts it pays paid) and «Загрузить
 * подписанный пакет» (an act's package from EDO; a .zip dropped on the window loads too).
 * `act` (the act's row id) opens that act's dialog at once (Ctrl+K found it).
 */
export function ActsScreen({ act }: { act?: string } = {}) {
  const { t } = useI18n();
  const [tab, setTab] = useState<ActsScreenTab>("acts");
  const [filter, setFilter] = useState<ActFilter>({});
  const [open, setOpen] = useState<string | null>(act ?? null);
  const [batch, setBatch] = useState(false);
  const [statement, setStatement] = useState(false);
  const [signedPackage, setSignedPackage] = useState<{ path?: string } | null>(null);
  const changed = readBookAgain;

  useEffect(
    () =>
      listenFileDrop((paths) => {
        const zip = paths.find((p) => p.toLowerCase().endsWith(".zip"));
        if (zip) setSignedPackage({ path: zip });
      }),
    [],
  );

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t("nav.acts")}</h1>
        <div className="screen-actions">
          <button type="button" onClick={() => setSignedPackage({})} data-testid="acts-signed-package-open">
            {t("signedPackage.open")}
          </button>
          <button type="button" onClick={() => setStatement(true)} data-testid="acts-bank-statement-open">
            {t("bankStatement.open")}
          </button>
          <button type="button" className="primary" onClick={() => setBatch(true)} data-testid="acts-batch-open">
            {t("batch.open")}
          </button>
        </div>
      </header>
      <Tabs
        tabs={[
          { key: "acts", label: t("acts.tab.acts") },
          { key: "register", label: t("acts.tab.register") },
        ]}
        active={tab}
        onChange={setTab}
        testIdPrefix="acts-tab"
      />
      <div className="tab-panel tab-fill" role="tabpanel">
        {tab === "acts" && <ActsTab filter={filter} onFilter={setFilter} onOpen={setOpen} onBatch={() => setBatch(true)} />}
        {tab === "register" && <RegisterTab />}
      </div>
      {open && <ActDialog act={open} onClose={() => setOpen(null)} onChanged={changed} />}
      {batch && <BatchDialog onClose={() => setBatch(false)} onDone={changed} />}
      {statement && <BankStatementDialog onClose={() => setStatement(false)} onDone={changed} />}
      {signedPackage && (
        <SignedPackageDialog key={signedPackage.path ?? ""} path={signedPackage.path} onClose={() => setSignedPackage(null)} onDone={changed} />
      )}
    </section>
  );
}
