import type { Ref } from "react";
import { formatCount } from "../format";
import { useI18n } from "../i18n";

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Rows matching over all pages; `null` while the first page loads. */
  total: number | null;
  inputRef?: Ref<HTMLInputElement>;
};

/** A table's search box with the count of what it found. */
export function SearchBar({ label, value, onChange, total, inputRef }: Props) {
  const { t, lang } = useI18n();
  return (
    <div className="toolbar">
      <input
        ref={inputRef}
        type="search"
        className="search"
        name="search"
        aria-label={label}
        placeholder={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="found" aria-live="polite">
        {total !== null && t("common.found", { n: formatCount(total, lang) })}
      </span>
    </div>
  );
}
