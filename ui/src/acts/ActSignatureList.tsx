import type { ActSignature } from "../bindings/ActSignature";
import { formatDate, formatDateTime } from "../format";
import { useI18n } from "../i18n";

/**
 * An act's electronic signatures as EDO operators stamp them: who signed for which side, the
 * certificate (serial, owner, organisation, validity) and the signing time (Moscow time, as the
 * core gives it).
 */
export function ActSignatureList({ signatures }: { signatures: readonly ActSignature[] }) {
  const { t, lang } = useI18n();
  if (signatures.length === 0) return <p className="muted" data-testid="act-signatures-none">{t("signature.none")}</p>;
  return (
    <ul className="signature-list" data-testid="act-signatures">
      {signatures.map((s) => (
        <li key={`${s.role}-${s.serial}`} className="signature-stamp" data-testid={`act-signature-${s.role}`}>
          <div className="signature-head">{t(s.role === "seller" ? "signature.seller" : "signature.buyer")}</div>
          <div data-testid="signature-signer">
            {s.signer}
            {s.organization && <span className="muted"> · {s.organization}</span>}
          </div>
          {s.inn && <div className="muted">ИНН {s.inn}</div>}
          <div className="muted">
            {t("signature.serial")}: <span className="mono">{s.serial}</span>
          </div>
          <div className="muted">
            {t("signature.valid", { from: formatDate(s.valid_from.slice(0, 10), lang), to: formatDate(s.valid_to.slice(0, 10), lang) })}
          </div>
          <div data-testid="signature-signed-at">{t("signature.signedAt", { at: formatDateTime(s.signed_at, lang) })}</div>
        </li>
      ))}
    </ul>
  );
}
