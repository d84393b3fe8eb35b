import { useState } from "react";
import type { Conversion } from "../bindings/Conversion";
import { formatMoney } from "../format";
import { readBookAgain } from "../query/bookReads";
import { useI18n } from "../i18n";
import { ActDialog } from "./ActDialog";
import { ActsTable } from "./ActsTable";
import { ConvertDialog } from "./ConvertDialog";
import { StatementDialog } from "./StatementDialog";

/** The card's «Акты»: the partner's acts (a row opens the act), «Конвертировать…» and «Выписка…». */
export function PartnerActsTab({ partner, program }: { partner: string; program: string }) {
  const { t, lang } = useI18n();
  const [dialog, setDialog] = useState<"convert" | "statement" | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [made, setMade] = useState<Conversion | null>(null);
  const changed = readBookAgain;

  return (
    <div className="tab-body">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setDialog("convert")} data-testid="acts-convert-open">
          {t("convert.open")}
        </button>
        <button type="button" onClick={() => setDialog("statement")} data-testid="acts-statement-open">
          {t("statement.open")}
        </button>
      </div>
      {made && (
        <p className="ok-banner" role="status" data-testid="convert-done" data-act={made.act} data-number={made.number}>
          {t("convert.done", { number: made.number, amount: formatMoney(made.amount, made.unit, lang) })}
        </p>
      )}
      <ActsTable filter={{ partner }} onOpen={(row) => setOpen(row.act)} compact />
      {dialog === "convert" && (
        <ConvertDialog
          partner={partner}
          program={program}
          onClose={() => setDialog(null)}
          onDone={(conversion) => {
            setDialog(null);
            setMade(conversion);
            changed();
          }}
        />
      )}
      {dialog === "statement" && <StatementDialog partner={partner} onClose={() => setDialog(null)} />}
      {open && <ActDialog act={open} onClose={() => setOpen(null)} onChanged={changed} />}
    </div>
  );
}
