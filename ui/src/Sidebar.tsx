import { useBook } from "./book";
import { useI18n } from "./i18n";
import { SECTIONS, type Section } from "./navigation";

/** The left sidebar: the sections, and who works on which book. */
export function Sidebar({ active, onGo }: { active: Section; onGo: (section: Section) => void }) {
  const { t } = useI18n();
  const { info } = useBook();
  return (
    <nav className="sidebar" aria-label={t("app.title")}>
      <div className="brand">{t("app.title")}</div>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section}>
            <button
              type="button"
              className="nav-item"
              aria-current={section === active ? "page" : undefined}
              data-testid={`nav-${section}`}
              onClick={() => onGo(section)}
            >
              {t(`nav.${section}`)}
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        {info && <div className="operator">{info.operator}</div>}
        <div className="hotkeys">{t("nav.hotkeys")}</div>
      </div>
    </nav>
  );
}
