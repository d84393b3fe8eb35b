import { monthlyAccruals } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { useI18n } from "../i18n";
import { useQuery } from "../query/useQuery";
import { AccrualsChart } from "./AccrualsChart";

/** По месяцам: the chart of accruals per month per program. */
export function MonthlyTab() {
  const { t } = useI18n();
  const months = useQuery(monthlyAccruals, []);
  return (
    <div className="tab-body">
      {!months.data && !months.error && <p className="muted">{t("common.loading")}</p>}
      <ErrorBanner error={months.error} />
      {months.data && <AccrualsChart data={months.data} />}
    </div>
  );
}
