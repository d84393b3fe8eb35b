import type { PartnerStatus } from "../bindings/PartnerStatus";
import { useI18n } from "../i18n";

/** A partner's status as a small coloured label. */
export function StatusLabel({ status }: { status: PartnerStatus }) {
  const { t } = useI18n();
  return <span className={`label label-${status}`}>{t(`status.${status}`)}</span>;
}
