import { useEffect, useState } from "react";
import { AccrualsScreen } from "./accruals/AccrualsScreen";
import { ActsScreen } from "./acts/ActsScreen";
import { appInfo, programs, setLang } from "./api";
import type { ErrorDto } from "./bindings/ErrorDto";
import type { Lang } from "./bindings/Lang";
import { BookContext, type Book } from "./book";
import { ClientsSection } from "./clients/ClientsSection";
import { ErrorBanner } from "./components/ErrorBanner";
import { toErrorDto } from "./errors";
import { LangProvider } from "./i18n";
import { ImportScreen } from "./import/ImportScreen";
import type { Section, View } from "./navigation";
import { OverviewScreen } from "./OverviewScreen";
import { PartnersSection } from "./partners/PartnersSection";
import { ProgramsScreen } from "./programs/ProgramsScreen";
import { SettingsScreen } from "./settings/SettingsScreen";
import { Sidebar } from "./Sidebar";

/** The window: the sidebar, the section in view, and the keys that work everywhere. */
export function App() {
  const [lang, setUiLang] = useState<Lang>("ru");
  const [book, setBook] = useState<Book>({ info: null, programs: [] });
  const [view, setView] = useState<View>({ section: "overview" });
  const [focusSearch, setFocusSearch] = useState(0);
  const [error, setError] = useState<ErrorDto | null>(null);

  useEffect(() => {
    const failed = (reason: unknown) => setError(toErrorDto(reason));
    appInfo().then((info) => {
      setBook((b) => ({ ...b, info }));
      setUiLang(info.lang);
    }, failed);
    programs().then((list) => setBook((b) => ({ ...b, programs: list })), failed);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Ctrl+K: search (the partners' search box); Ctrl+I: import. By key position, so any layout works.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.code === "KeyK") {
        setView({ section: "partners" });
        setFocusSearch((n) => n + 1);
      } else if (e.code === "KeyI") {
        setView({ section: "import" });
      } else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const changeLang = async (next: Lang) => {
    try {
      await setLang(next);
      setUiLang(next);
      setError(null);
    } catch (reason) {
      setError(toErrorDto(reason));
    }
  };

  const go = (section: Section) => setView({ section });
  const openPartner = (partner: string | undefined) => setView({ section: "partners", partner });
  const openClient = (client: { program: string; client: string } | undefined) => setView({ section: "clients", client });

  return (
    <LangProvider lang={lang}>
      <BookContext.Provider value={book}>
        <div className="app">
          <Sidebar active={view.section} onGo={go} />
          <main className="main">
            <ErrorBanner error={error} />
            {view.section === "overview" && <OverviewScreen onGo={go} onOpenPartner={(partner) => openPartner(partner)} />}
            {view.section === "partners" && (
              <PartnersSection
                partner={view.partner}
                onOpen={openPartner}
                onOpenClient={(program, client) => openClient({ program, client })}
                focusSearch={focusSearch}
              />
            )}
            {view.section === "clients" && (
              <ClientsSection client={view.client} onOpen={openClient} onOpenPartner={openPartner} />
            )}
            {view.section === "import" && <ImportScreen />}
            {view.section === "accruals" && <AccrualsScreen onOpenPartner={(partner) => openPartner(partner)} />}
            {view.section === "acts" && <ActsScreen />}
            {view.section === "programs" && <ProgramsScreen />}
            {view.section === "settings" && <SettingsScreen onLang={changeLang} />}
          </main>
        </div>
      </BookContext.Provider>
    </LangProvider>
  );
}
