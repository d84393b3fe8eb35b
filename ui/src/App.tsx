import { useEffect, useMemo, useState } from "react";
import { AccrualsScreen } from "./accruals/AccrualsScreen";
import { ActsScreen } from "./acts/ActsScreen";
import { appInfo, programs, setLang } from "./api";
import type { AppInfo } from "./bindings/AppInfo";
import type { ErrorDto } from "./bindings/ErrorDto";
import type { Lang } from "./bindings/Lang";
import { BookContext } from "./book";
import { ClientsSection } from "./clients/ClientsSection";
import { ErrorBanner } from "./components/ErrorBanner";
import { toErrorDto } from "./errors";
import { LangProvider } from "./i18n";
import { ImportScreen } from "./import/ImportScreen";
import { GoContext, type Section, type View } from "./navigation";
import { OverviewScreen } from "./OverviewScreen";
import { PartnersSection } from "./partners/PartnersSection";
import { QuickFind } from "./QuickFind";
import { ProgramsScreen } from "./programs/ProgramsScreen";
import { forgetBookReads, readInLanguage, useBookReads } from "./query/bookReads";
import { useQuery } from "./query/useQuery";
import { FallbackText } from "./settings/FallbackText";
import { ReadOnlyBanner } from "./settings/ReadOnlyBanner";
import { SettingsScreen } from "./settings/SettingsScreen";
import { Sidebar } from "./Sidebar";

/** The window: the sidebar, the section in view, and the keys that work everywhere. */
export function App() {
  const [lang, setUiLang] = useState<Lang>("ru");
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [view, setView] = useState<View>({ section: "overview" });
  const [finding, setFinding] = useState(false);
  // How many times Ctrl+K opened something: the screen shown starts again on it.
  const [jumps, setJumps] = useState(0);
  const [error, setError] = useState<ErrorDto | null>(null);
  // How many times another book was opened: the screens start again on each.
  const [opens, setOpens] = useState(0);
  // Every change the shell makes (`book-changed`), and for a book on a server the window coming
  // back, has what the screens show read again.
  useBookReads(info?.book.kind === "server");
  // The book's programs, once it is known which book is open (read again with every change:
  // another desk may add a version).
  const programList = useQuery(programs, info ? [] : null);
  const shared = useMemo(() => ({ info, programs: programList.data ?? [] }), [info, programList.data]);

  useEffect(() => {
    appInfo().then((next) => {
      setInfo(next);
      setUiLang(next.lang);
    }, (reason: unknown) => setError(toErrorDto(reason)));
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Ctrl+K: quick find (partners, clients, acts); Ctrl+I: import. By key position, so any layout works.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.code === "KeyK") {
        setFinding(true);
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
      readInLanguage();
      setError(null);
    } catch (reason) {
      setError(toErrorDto(reason));
    }
  };

  // Another book opened: everything shown is read from it (the screens start again).
  const opened = (next: AppInfo) => {
    forgetBookReads();
    setInfo(next);
    setOpens((n) => n + 1);
    setError(null);
  };

  const go = (section: Section) => setView({ section });
  const openPartner = (partner: string | undefined) => setView({ section: "partners", partner });
  const openClient = (client: { program: string; client: string } | undefined) => setView({ section: "clients", client });

  return (
    <LangProvider lang={lang}>
      <BookContext.Provider value={shared}>
        <GoContext.Provider value={go}>
        <div className="app">
          <Sidebar active={view.section} onGo={go} />
          <main className="main" key={`${opens}-${jumps}`}>
            <ErrorBanner error={error ?? programList.error} />
            <ReadOnlyBanner />
            {info?.fallback && (
              <p className="error-banner" role="alert" data-testid="start-fallback">
                <FallbackText fallback={info.fallback} />
              </p>
            )}
            {view.section === "overview" && <OverviewScreen onGo={go} onOpenPartner={(partner) => openPartner(partner)} />}
            {view.section === "partners" && (
              <PartnersSection
                partner={view.partner}
                onOpen={openPartner}
                onOpenClient={(program, client) => openClient({ program, client })}
              />
            )}
            {view.section === "clients" && (
              <ClientsSection client={view.client} onOpen={openClient} onOpenPartner={openPartner} />
            )}
            {view.section === "import" && <ImportScreen />}
            {view.section === "accruals" && <AccrualsScreen onOpenPartner={(partner) => openPartner(partner)} />}
            {view.section === "acts" && <ActsScreen act={view.act} />}
            {view.section === "programs" && <ProgramsScreen />}
            {view.section === "settings" && <SettingsScreen onLang={changeLang} onBookOpened={opened} />}
          </main>
          {finding && (
            <QuickFind
              onOpen={(next) => {
                setView(next);
                setJumps((n) => n + 1);
              }}
              onClose={() => setFinding(false)}
            />
          )}
        </div>
        </GoContext.Provider>
      </BookContext.Provider>
    </LangProvider>
  );
}
