import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Lang } from "../bindings/Lang";
import type { ProgramSummary } from "../bindings/ProgramSummary";
import { coreEn, coreRu } from "../bindings/coreWords";
import { en } from "./en";
import { ru, type OwnKey } from "./ru";

/** A message: the UI's own (`ru.ts`, `en.ts`) or a word the core owns (`bindings/coreWords.ts`). */
export type MessageKey = OwnKey | keyof typeof coreRu;
export const dictionaries: Record<Lang, Record<MessageKey, string>> = {
  ru: { ...coreRu, ...ru },
  en: { ...coreEn, ...en },
};

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const LangContext = createContext<Lang>("ru");

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

/** The current language and its `t`. */
export function useI18n(): { lang: Lang; t: Translate } {
  const lang = useContext(LangContext);
  return useMemo(() => ({ lang, t: (key, vars) => translate(lang, key, vars) }), [lang]);
}

/** A program's name in the language, or its id when it is unknown. */
export function programName(programs: readonly ProgramSummary[], id: string, lang: Lang): string {
  const p = programs.find((x) => x.id === id);
  if (!p) return id;
  return lang === "ru" ? p.name_ru : p.name_en;
}
