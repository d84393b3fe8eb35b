import { useState } from "react";
import { partnerCreate, partnerUpdate } from "../api";
import type { Partner } from "../bindings/Partner";
import { useI18n } from "../i18n";
import { readBookAgain } from "../query/bookReads";
import { PartnerCardView } from "./PartnerCardView";
import { PartnerForm } from "./PartnerForm";
import { blankValues, valuesOf } from "./partnerFields";
import { NO_PARTNER_FILTERS, PartnerList, type PartnerFilters } from "./PartnerList";

type Props = {
  /** The partner whose card is open; none for the table. */
  partner?: string;
  onOpen: (partner: string | undefined) => void;
  onOpenClient: (program: string, client: string) => void;
};

/** Партнёры: the table, a partner's card, and the form for a new or an edited partner. */
export function PartnersSection({ partner, onOpen, onOpenClient }: Props) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<PartnerFilters>(NO_PARTNER_FILTERS);
  const [editing, setEditing] = useState<Partner | "new" | null>(null);

  const saved = (p: Partner) => {
    setEditing(null);
    readBookAgain();
    onOpen(p.partner_id);
  };

  return (
    <>
      {partner === undefined ? (
        <PartnerList
          filters={filters}
          onFilters={setFilters}
          onOpen={onOpen}
          onNew={() => setEditing("new")}
        />
      ) : (
        <PartnerCardView
          partner={partner}
          onBack={() => onOpen(undefined)}
          onEdit={(card) => setEditing(card.partner)}
          onOpenClient={onOpenClient}
        />
      )}
      {editing === "new" && (
        <PartnerForm
          title={t("form.newTitle")}
          initial={blankValues()}
          save={partnerCreate}
          onSaved={saved}
          onClose={() => setEditing(null)}
        />
      )}
      {editing && editing !== "new" && (
        <PartnerForm
          title={t("form.editTitle", { id: editing.partner_id })}
          initial={valuesOf(editing)}
          editing
          save={(input) => partnerUpdate(editing.partner_id, input)}
          onSaved={saved}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
