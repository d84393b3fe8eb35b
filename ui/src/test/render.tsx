import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { Lang } from "../bindings/Lang";
import type { ProgramSummary } from "../bindings/ProgramSummary";
import { BookContext } from "../book";
import { LangProvider } from "../i18n";

export const PROGRAMS: ProgramSummary[] = [
  { id: "bitrix24", name_ru: "Битрикс24", name_en: "Bitrix24", unit: "bonus", currency: "RUB" },
  { id: "atlantys", name_ru: "Атлантис", name_en: "Atlantys", unit: "KZT", currency: "KZT" },
];

/** Renders `ui` as the app would: in a language, with a book of two programs. */
export function renderInBook(ui: ReactElement, lang: Lang = "ru") {
  return render(
    <LangProvider lang={lang}>
      <BookContext.Provider
        value={{
          info: { version: "0.1.0", book: { kind: "file", path: "/tmp/book.sqlite" }, lang, operator: "Иванова", read_only: false },
          programs: PROGRAMS,
        }}
      >
        {ui}
      </BookContext.Provider>
    </LangProvider>,
  );
}
