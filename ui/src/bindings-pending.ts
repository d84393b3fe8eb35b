// A type the shell will generate from Rust (ts-rs) but has not yet.
// To be replaced by the generated `bindings/AppInfo.ts`: when it appears, delete the
// declaration here and import from `./bindings/AppInfo` instead.
import type { Lang } from "./bindings/Lang";

/** What the shell tells the UI at start. */
export type AppInfo = { version: string; book_path: string; lang: Lang; operator: string };
