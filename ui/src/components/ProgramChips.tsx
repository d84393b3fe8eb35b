import { useBook } from "../book";
import { programName, useI18n } from "../i18n";
import { Chips } from "./Chips";

/** The filter by program: one chip a program of the book, and «all». */
export function ProgramChips(props: { value?: string; onChange: (program?: string) => void; testIdPrefix?: string }) {
  const { value, onChange, testIdPrefix } = props;
  const { t, lang } = useI18n();
  const { programs } = useBook();
  return (
    <Chips
      label={t("filter.program")}
      allLabel={t("common.all")}
      chips={programs.map((p) => ({ value: p.id, label: programName(programs, p.id, lang) }))}
      value={value}
      onChange={onChange}
      testIdPrefix={testIdPrefix}
    />
  );
}
