import { useState, type FormEvent } from "react";
import { vendorGet, vendorSet } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { Vendor } from "../bindings/Vendor";
import { ErrorBanner } from "../components/ErrorBanner";
import { FormField } from "../components/FormField";
import { problemsByField, toErrorDto } from "../errors";
import { useI18n } from "../i18n";
import { useQuery } from "../query/useQuery";

const VENDOR_FIELDS = [
  "name",
  "inn",
  "kpp",
  "ogrn",
  "address",
  "bik",
  "account",
  "edo_id",
  "signer",
  "signer_position",
] as const;
type VendorValues = Record<(typeof VENDOR_FIELDS)[number], string>;

const valuesOf = (v: Vendor): VendorValues =>
  Object.fromEntries(VENDOR_FIELDS.map((k) => [k, v[k] ?? ""])) as VendorValues;

/** The vendor's own requisites and signer, as printed on every act; problems show under their fields. */
export function VendorForm() {
  const { t } = useI18n();
  const vendor = useQuery(vendorGet, []);
  // What is typed, over what the book holds (a change of the book does not undo the typing).
  const [typed, setValues] = useState<VendorValues | null>(null);
  const values = typed ?? (vendor.data ? valuesOf(vendor.data) : null);
  const [saveError, setError] = useState<ErrorDto | null>(null);
  const error = saveError ?? vendor.error;
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const { byField, other } = problemsByField(error, VENDOR_FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!values || state === "saving") return;
    setState("saving");
    setError(null);
    try {
      setValues(valuesOf(await vendorSet({ ...values })));
      setState("saved");
    } catch (reason) {
      setError(toErrorDto(reason));
      setState("idle");
    }
  };

  return (
    <form className="form settings-block" onSubmit={submit} noValidate>
      <h2 className="section-title">{t("settings.vendor")}</h2>
      <p className="muted">{t("settings.vendorHint")}</p>
      <ErrorBanner error={error} extra={other} />
      {values && (
        <>
          <div className="form-grid">
            {VENDOR_FIELDS.map((key) => (
              <FormField
                key={key}
                name={key}
                label={t(`field.${key}`)}
                type="text"
                value={values[key]}
                onChange={(value) => {
                  setValues({ ...values, [key]: value });
                  setState("idle");
                }}
                problems={byField.get(key)}
                wide={key === "name" || key === "address"}
              />
            ))}
          </div>
          <div className="button-row">
            <button type="submit" className="primary" data-testid="vendor-save" disabled={state === "saving"}>
              {state === "saving" ? t("common.saving") : t("common.save")}
            </button>
            {state === "saved" && (
              <span className="ok-text" role="status">
                {t("common.saved")}
              </span>
            )}
          </div>
        </>
      )}
    </form>
  );
}
