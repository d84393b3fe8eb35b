import type { ActStatus } from "../bindings/ActStatus";
import { useI18n } from "../i18n";

/** An act's state as a small coloured label: черновик, отправлен, подписан, отклонён, оплачен. */
export function ActStatusLabel({ status }: { status: ActStatus }) {
  const { t } = useI18n();
  return (
    <span className={`label label-act-${status}`} data-status={status}>
      {t(`actStatus.${status}`)}
    </span>
  );
}
