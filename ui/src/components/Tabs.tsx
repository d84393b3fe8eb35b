import { useId, type KeyboardEvent } from "react";

export type Tab<K extends string> = { key: K; label: string; count?: number };

/** A tab strip (arrow keys move between tabs); the caller renders the chosen panel. */
export function Tabs<K extends string>(props: {
  tabs: readonly Tab<K>[];
  active: K;
  onChange: (key: K) => void;
  /** Each tab gets `data-testid="<prefix>-<key>"`. */
  testIdPrefix?: string;
}) {
  const { tabs, active, onChange, testIdPrefix } = props;
  const id = useId();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const at = tabs.findIndex((tab) => tab.key === active);
    const next = tabs[(at + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    if (next) {
      onChange(next.key);
      document.getElementById(`${id}-${next.key}`)?.focus();
    }
  };
  return (
    <div className="tabs" role="tablist" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          id={`${id}-${tab.key}`}
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab.key === active}
          data-testid={testIdPrefix ? `${testIdPrefix}-${tab.key}` : undefined}
          tabIndex={tab.key === active ? 0 : -1}
          onClick={() => onChange(tab.key)}
        >
          {tab.label}
          {tab.count !== undefined && <span className="tab-count">{tab.count}</span>}
        </button>
      ))}
    </div>
  );
}
