import { getCurrentWebview } from "@tauri-apps/api/webview";

/**
 * Calls `onDrop` with the paths of the files dropped on the window; answers the function that
 * stops listening. Outside the app's window (the UI's tests without a webview) nothing is dropped.
 */
export function listenFileDrop(onDrop: (paths: string[]) => void): () => void {
  let stop: (() => void) | undefined;
  let live = true;
  let webview;
  try {
    webview = getCurrentWebview();
  } catch {
    return () => {};
  }
  webview
    .onDragDropEvent((event) => {
      if (event.payload.type === "drop") onDrop(event.payload.paths);
    })
    .then(
      (unlisten) => (live ? (stop = unlisten) : unlisten()),
      () => {},
    );
  return () => {
    live = false;
    stop?.();
  };
}
