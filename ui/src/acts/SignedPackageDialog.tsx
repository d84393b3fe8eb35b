import { useEffect, useRef, useState } from "react";
import { importSignedPackage, pickSignedPackage } from "../api";
import type { ErrorDto } from "../bindings/ErrorDto";
import type { SignedImport } from "../bindings/SignedImport";
import { ErrorBanner } from "../components/ErrorBanner";
import { Modal } from "../components/Modal";
import { toErrorDto } from "../errors";
import { useI18n } from "../i18n";
import { ActSignatureList } from "./ActSignatureList";
import { ActStatusLabel } from "./ActStatusLabel";

/**
 * «Загрузить подписанный пакет»: an act's package from the EDO operator (a .zip, or a folder),
 * chosen in the native dialog, typed, or dropped on the window (`path` then comes filled and is
 * loaded at once). The core finds the act by the seller's title, verifies the signatures and
 * moves the act on; a refusal says why and changes nothing.
 */
export function SignedPackageDialog(props: { path?: string; onClose: () => void; onDone: (done: SignedImport) => void }) {
  const { onClose, onDone } = props;
  const { t } = useI18n();
  const [path, setPath] = useState(props.path ?? "");
  // A dropped package is loaded as soon as the dialog opens.
  const [loading, setLoading] = useState(Boolean(props.path));
  const [done, setDone] = useState<SignedImport | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const busy = useRef(Boolean(props.path));

  const show = (result: SignedImport) => {
    setDone(result);
    onDone(result);
  };

  const load = async (file: string) => {
    const target = file.trim();
    if (!target || busy.current) return;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      show(await importSignedPackage(target));
    } catch (reason) {
      setError(toErrorDto(reason));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  };

  const dropped = props.path;
  useEffect(() => {
    if (!dropped) return;
    let live = true;
    importSignedPackage(dropped.trim())
      .then(
        (result) => live && show(result),
        (reason: unknown) => live && setError(toErrorDto(reason)),
      )
      .finally(() => {
        busy.current = false;
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
    // Only the path the dialog was opened with is loaded by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped]);

  const pick = async () => {
    try {
      const chosen = await pickSignedPackage();
      if (chosen) {
        setPath(chosen);
        await load(chosen);
      }
    } catch (reason) {
      setError(toErrorDto(reason));
    }
  };

  return (
    <Modal title={t("signedPackage.title")} onClose={loading ? () => {} : onClose} testId="signed-package-dialog">
      <div className="modal-body">
        {!done && (
          <>
            <p className="muted">{t("signedPackage.explain")}</p>
            <div className="field wide">
              <label htmlFor="signed-package-path">{t("signedPackage.path")}</label>
              <div className="path-row">
                <input
                  id="signed-package-path"
                  data-testid="signed-package-path"
                  value={path}
                  placeholder={t("signedPackage.pathPlaceholder")}
                  disabled={loading}
                  onChange={(e) => setPath(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") void load(path);
                  }}
                />
                <button type="button" onClick={() => void pick()} disabled={loading} data-testid="signed-package-pick">
                  {t("signedPackage.pick")}
                </button>
                <button type="button" className="primary" onClick={() => void load(path)} disabled={loading || !path.trim()} data-testid="signed-package-load">
                  {loading ? t("signedPackage.loading") : t("signedPackage.load")}
                </button>
              </div>
            </div>
          </>
        )}
        <div data-testid="signed-package-error">
          <ErrorBanner error={error} />
        </div>
        {done && (
          <div data-testid="signed-package-done">
            <p className="ok-banner" role="status">
              {done.added.length > 0 ? t("signedPackage.done", { act: done.act, n: done.added.length }) : t("signedPackage.again", { act: done.act })}{" "}
              <ActStatusLabel status={done.status} />
            </p>
            <ActSignatureList signatures={done.signatures} />
          </div>
        )}
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={onClose} disabled={loading} data-testid="signed-package-close">
          {done ? t("common.close") : t("common.cancel")}
        </button>
      </footer>
    </Modal>
  );
}
