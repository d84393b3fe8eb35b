import { useEffect, useState } from "react";
import { monthlyAccruals } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { MonthlyAccrual } from "../bindings/MonthlyAccrual";
import { ErrorBanner } from "../components/ErrorBanner";
import { toErrorDto } from "../errors";
import { useI18n } from "../i18n";
import { AccrualsChart } from "./AccrualsChart";
import { useBook } from "../book";

/** По месяцам: the chart of accruals per month per program. */
export function MonthlyTab() {
  const { t } = useI18n();
  const { refresh } = useBook();
  const [loaded, setLoaded] = useState<{ data?: MonthlyAccrual[]; error?: ErrorDto } | null>(null);
  useEffect(() => {
    let live = true;
    monthlyAccruals().then(
      (data) => live && setLoaded({ data }),
      (reason: unknown) => live && setLoaded({ error: toErrorDto(reason) }),
    );
    return () => {
      live = false;
    };
  }, [refresh]);
  return (
    <div className="tab-body">
      {!loaded && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={loaded?.error ?? null} />
      {loaded?.data && <AccrualsChart data={loaded.data} />}
    </div>
  );
}
