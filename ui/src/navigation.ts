import { createContext, useContext } from "react";

/** The sidebar's sections, in order. */
export const SECTIONS = [
  "overview",
  "partners",
  "clients",
  "import",
  "accruals",
  "acts",
  "programs",
  "settings",
] as const;

export type Section = (typeof SECTIONS)[number];

/** Where the user is: a section, and the card open in it, if any. */
export type View =
  | { section: "partners"; partner?: string }
  | { section: "clients"; client?: { program: string; client: string } }
  | { section: "acts"; act?: string }
  | { section: Exclude<Section, "partners" | "clients" | "acts"> };

/** Opens a section from anywhere (an empty list's «what to do next» button). */
export const GoContext = createContext<(section: Section) => void>(() => {});

/** The function that opens a section. */
export function useGo(): (section: Section) => void {
  return useContext(GoContext);
}
