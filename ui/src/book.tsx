import { createContext, useContext } from "react";
import type { AppInfo } from "./bindings/AppInfo";
import type { BookLocation } from "./bindings/BookLocation";
import type { ProgramSummary } from "./bindings/ProgramSummary";

/**
 * What the whole UI needs to know about the open book: the shell's info and the programs (the
 * screens' own reads go through `query/useQuery.ts`, which reads them again when the book changes).
 */
export type Book = { info: AppInfo | null; programs: ProgramSummary[] };

export const BookContext = createContext<Book>({ info: null, programs: [] });

export const useBook = (): Book => useContext(BookContext);

/** The book's file path, or its server's URL (never with a password). */
export const bookShown = (book: BookLocation): string => (book.kind === "server" ? book.url : book.path);
