import { createContext, useContext } from "react";
import type { AppInfo } from "./bindings/AppInfo";
import type { ProgramSummary } from "./bindings/ProgramSummary";

/** What the whole UI needs to know about the open book: the shell's info and the programs. */
export type Book = { info: AppInfo | null; programs: ProgramSummary[] };

export const BookContext = createContext<Book>({ info: null, programs: [] });

export const useBook = (): Book => useContext(BookContext);
