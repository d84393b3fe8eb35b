import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { Partner } from "../bindings/Partner";
import type { PartnerInput } from "../bindings/PartnerInput";
import { useBook } from "../book";
import { ErrorBanner } from "../components/ErrorBanner";
import { FormField } from "../components/FormField";
import { Modal } from "../components/Modal";
import { problemsByField, toErrorDto } from "../errors";
import { programName, useI18n } from "../i18n";
import { FIELD_GROUPS, FIELD_KEYS, PARTNER_KINDS, PARTNER_STATUSES, type FieldSpec, type PartnerValues } from "./partnerFields";

type Props = {
  title: string;
  initial: PartnerValues;
  /** Set when editing: the partner's id cannot change here. */
  editing?: boolean;
  save: (input: PartnerInput) => Promise<Partner>;
  onSaved: (partner: Partner) => void;
  onClose: () => void;
};

/**
 * The partner form, for a new partner and for an edit. The values go to the core as typed;
 * on `invalid` each problem shows under its field and the form stays open with the values.
 */
export function PartnerForm({ title, initial, editing, save, onSaved, onClose }: Props) {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [saving, setSaving] = useState(false);
  const { byField, other } = problemsByField(error, FIELD_KEYS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await save({ ...values });
      onSaved(saved);
    } catch (reason) {
      setError(toErrorDto(reason));
      setSaving(false);
    }
  };

  // Enter submits from a checkbox or a select too (text inputs do it by themselves).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key === "Enter" && (target.tagName === "SELECT" || (target as HTMLInputElement).type === "checkbox")) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };

  const programOptions = [
    { value: "", label: t("form.choose") },
    ...programs.map((p) => ({ value: p.id, label: programName(programs, p.id, lang) })),
    ...(values.program && !programs.some((p) => p.id === values.program)
      ? [{ value: values.program, label: values.program }]
      : []),
  ];
  const optionsFor = (spec: FieldSpec) => {
    if (spec.key === "program") return programOptions;
    if (spec.key === "kind") return PARTNER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));
    if (spec.key === "status") return PARTNER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
    return [];
  };

  return (
    <Modal title={title} onClose={onClose} wide>
      <form className="form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <div className="modal-body">
          <ErrorBanner error={error} extra={other} />
          {FIELD_GROUPS.map((group) => (
            <fieldset key={group.title} className="form-group">
              <legend>{t(group.title)}</legend>
              <div className="form-grid">
                {group.fields.map((spec) => (
                  <FormField
                    key={spec.key}
                    name={spec.key}
                    label={t(`field.${spec.key}`)}
                    type={spec.type}
                    value={values[spec.key]}
                    onChange={(value) => setValues((v) => ({ ...v, [spec.key]: value }))}
                    problems={byField.get(spec.key)}
                    options={optionsFor(spec)}
                    hint={spec.hint && t(spec.hint)}
                    readOnly={editing && spec.key === "partner_id"}
                    wide={spec.wide}
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="primary" data-testid="partner-save" disabled={saving}>
            {saving ? t("common.saving") : t("common.save")}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
