import { useState } from "react";
import { ClientCardView } from "./ClientCardView";
import { ClientList, NO_CLIENT_FILTERS, type ClientFilters } from "./ClientList";

type Props = {
  client?: { program: string; client: string };
  onOpen: (client: { program: string; client: string } | undefined) => void;
  onOpenPartner: (partner: string) => void;
};

/** Клиенты: the table, or a client's card. */
export function ClientsSection({ client, onOpen, onOpenPartner }: Props) {
  const [filters, setFilters] = useState<ClientFilters>(NO_CLIENT_FILTERS);
  if (client) {
    return (
      <ClientCardView
        program={client.program}
        client={client.client}
        onBack={() => onOpen(undefined)}
        onOpenPartner={onOpenPartner}
      />
    );
  }
  return (
    <ClientList
      filters={filters}
      onFilters={setFilters}
      onOpen={(row) => onOpen({ program: row.program, client: row.client })}
    />
  );
}
