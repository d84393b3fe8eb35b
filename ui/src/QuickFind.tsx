import { useMemo, useState, type KeyboardEvent } from "react";
import { actsPage, clientsPage, partnersPage } from "./api";
import { ErrorBanner } from "./components/ErrorBanner";
import { Modal } from "./components/Modal";
import { useDebounced } from "./components/useDebounced";
import { formatDate, formatMoney } from "./format";
import { programName, useI18n, type MessageKey } from "./i18n";
import { useBook } from "./book";
import type { View } from "./navigation";
import { useQuery } from "./query/useQuery";

/** How many of each kind the palette lists. */
const EACH = 5;

type Found = { kind: "partner" | "client" | "act"; id: string; title: string; detail: string; view: View };

const GROUPS: readonly { kind: Found["kind"]; label: MessageKey }[] = [
  { kind: "partner", label: "quickFind.partners" },
  { kind: "client", label: "quickFind.clients" },
  { kind: "act", label: "quickFind.acts" },
];

/**
 * Ctrl+K: one box that finds partners (id, name, ИНН, code), clients (id, name, ИНН) and acts
 * (number, partner) in the book, as the core searches them; arrows choose, Enter or a click
 * opens the one chosen, Esc closes.
 */
export function QuickFind({ onOpen, onClose }: { onOpen: (view: View) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { programs } = useBook();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 200);
  const search = query ? [{ search: query, limit: EACH }] as [{ search: string; limit: number }] : null;
  const partners = useQuery(partnersPage, search);
  const clients = useQuery(clientsPage, search);
  const acts = useQuery(actsPage, search);
  const error = partners.error ?? clients.error ?? acts.error;
  // The choice, for the text it was made in (a new text starts at the first again).
  const [chosen, setActive] = useState({ query, index: 0 });
  if (chosen.query !== query) setActive({ query, index: 0 });
  const active = chosen.index;

  const items = useMemo((): Found[] => {
    if (!partners.data || !clients.data || !acts.data) return [];
    return [
      ...partners.data.rows.map((p) => ({
        kind: "partner" as const,
        id: p.partner,
        title: `${p.partner} · ${p.name}`,
        detail: programName(programs, p.program, lang),
        view: { section: "partners", partner: p.partner } as View,
      })),
      ...clients.data.rows.map((c) => ({
        kind: "client" as const,
        id: `${c.program}-${c.client}`,
        title: c.name ? `${c.client} · ${c.name}` : c.client,
        detail: programName(programs, c.program, lang),
        view: { section: "clients", client: { program: c.program, client: c.client } } as View,
      })),
      ...acts.data.rows.map((a) => ({
        kind: "act" as const,
        id: a.number,
        title: `${t("quickFind.act", { number: a.number, date: formatDate(a.date, lang) })}`,
        detail: `${a.partner} · ${a.name} · ${formatMoney(a.money, a.currency, lang)}`,
        view: { section: "acts", act: a.act } as View,
      })),
    ];
  }, [partners.data, clients.data, acts.data, programs, lang, t]);
  const open = (item: Found | undefined) => {
    if (!item) return;
    onOpen(item.view);
    onClose();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") setActive({ query, index: Math.min(items.length - 1, active + 1) });
    else if (e.key === "ArrowUp") setActive({ query, index: Math.max(0, active - 1) });
    else if (e.key === "Enter") open(items[active]);
    else return;
    e.preventDefault();
  };
  const optionId = (item: Found) => `quick-find-${item.kind}-${item.id}`;
  const current = items[active];

  return (
    <Modal title={t("quickFind.title")} onClose={onClose} testId="quick-find">
      <div className="modal-body quick-find">
        <input
          type="search"
          name="quick-find"
          className="search"
          data-testid="quick-find-input"
          aria-label={t("quickFind.title")}
          placeholder={t("quickFind.placeholder")}
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls="quick-find-results"
          aria-activedescendant={current ? optionId(current) : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
        />
        <ErrorBanner error={error} />
        {query && partners.data && clients.data && acts.data && items.length === 0 && (
          <p className="muted" data-testid="quick-find-none">
            {t("quickFind.none", { text: query })}
          </p>
        )}
        <div id="quick-find-results" role="listbox" aria-label={t("quickFind.title")}>
          {GROUPS.map((g) => {
            const of = items.filter((i) => i.kind === g.kind);
            if (of.length === 0) return null;
            return (
              <div key={g.kind} role="group" aria-label={t(g.label)}>
                <h3>{t(g.label)}</h3>
                {of.map((item) => (
                  <div
                    key={item.id}
                    id={optionId(item)}
                    role="option"
                    aria-selected={item === current}
                    data-testid={optionId(item)}
                    className={`quick-find-item${item === current ? " active" : ""}`}
                    onMouseEnter={() => setActive({ query, index: items.indexOf(item) })}
                    onClick={() => open(item)}
                  >
                    <span>{item.title}</span>
                    <span className="muted">{item.detail}</span>
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        <p className="muted">{t("quickFind.hint")}</p>
      </div>
    </Modal>
  );
}
