import { useState } from "react";
import { programVersions } from "../api";
import type { Program } from "../bindings/Program";
import type { ProgramVersion } from "../bindings/ProgramVersion";
import { ErrorBanner } from "../components/ErrorBanner";
import { SimpleTable, type SimpleColumn } from "../components/SimpleTable";
import { formatDate, formatMoney, todayIso, unitLabel } from "../format";
import { useI18n } from "../i18n";
import { ladderLines, ORIGIN, rewardText, versionOn } from "./ruleText";
import { VersionForm } from "./VersionForm";
import { readBookAgain } from "../query/bookReads";
import { useQuery } from "../query/useQuery";

/** Программы: every program with its versions and their key parameters; a new version from a day. */
export function ProgramsScreen() {
  const { t, lang } = useI18n();
  const loaded = useQuery(programVersions, []);
  const programs = loaded.data;
  const error = loaded.error;
  const [editing, setEditing] = useState<{ program: Program; base: ProgramVersion } | null>(null);
  const [saved, setSaved] = useState<{ program: string; from: string } | null>(null);
  const today = todayIso();

  const columns = (program: Program): SimpleColumn<ProgramVersion>[] => {
    const inForce = versionOn(program, today);
    return [
      {
        header: t("program.from"),
        cell: (v) => (
          <>
            {v.effective_from === ORIGIN ? t("program.fromStart") : formatDate(v.effective_from, lang)}
            {v.id === inForce?.id && <span className="label label-active version-now">{t("program.inForce")}</span>}
          </>
        ),
      },
      {
        header: t("program.rewards"),
        cell: (v) => v.rules.rewards.map((r) => rewardText(r, t, lang, program.unit)).join("; ") || "—",
        className: "wrap",
      },
      { header: t("program.hold"), cell: (v) => t("program.days", { n: v.rules.hold_days }), className: "right" },
      {
        header: t("program.threshold"),
        cell: (v) => (v.rules.conversion ? formatMoney(v.rules.conversion.min_amount, program.unit, lang) : "—"),
        className: "right money",
      },
      {
        header: t("program.window"),
        cell: (v) => (v.rules.binding.window_months === null ? "—" : t("program.months", { n: v.rules.binding.window_months })),
        className: "right",
      },
      {
        header: t("program.discounts"),
        cell: (v) => {
          const lines = ladderLines(v.rules, t, lang);
          return lines.length === 0 ? "—" : lines.map((line, i) => <div key={i}>{line}</div>);
        },
        className: "ladder",
      },
    ];
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t("nav.programs")}</h1>
      </header>
      <ErrorBanner error={error} />
      {saved && (
        <p className="ok-banner" role="status" data-testid="program-version-saved">
          {t("version.saved", { program: saved.program, from: formatDate(saved.from, lang) })}
        </p>
      )}
      {programs === undefined && !error && <p className="muted">{t("common.loading")}</p>}
      {programs?.map((program) => {
        const base = versionOn(program, today);
        return (
          <section key={program.id} className="program-block" data-testid={`program-${program.id}`}>
            <header className="program-head">
              <div>
                <h2>{lang === "ru" ? program.name_ru : program.name_en}</h2>
                <div className="card-sub">
                  <code>{program.id}</code>
                  <span>{t("program.unit", { unit: unitLabel(program.unit, lang) })}</span>
                  <span>{t("program.versions", { n: program.versions.length })}</span>
                </div>
              </div>
              <button
                type="button"
                disabled={!base}
                onClick={() => base && setEditing({ program, base })}
                data-testid={`program-new-version-${program.id}`}
              >
                {t("program.newVersion")}
              </button>
            </header>
            <SimpleTable columns={columns(program)} rows={program.versions} empty={t("common.empty")} testId={`program-versions-${program.id}`} />
          </section>
        );
      })}
      {editing && (
        <VersionForm
          program={editing.program}
          base={editing.base}
          onClose={() => setEditing(null)}
          onApplied={readBookAgain}
          onSaved={(v) => {
            setSaved({ program: lang === "ru" ? editing.program.name_ru : editing.program.name_en, from: v.effective_from });
            setEditing(null);
            readBookAgain();
          }}
        />
      )}
    </section>
  );
}
