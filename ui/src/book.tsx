import { createContext, useContext } from "react";
import type { AppInfo } from "./bindings/AppInfo";
import type { BookLocation } from "./bindings/BookLocation";
import type { ProgramSummary } from "./bindings/ProgramSummary";

/**
 * What the whole UI needs to know about the open book: the shell's info and the programs, and
 * `refresh`, which goes up when the screens should read the book again (others change a server
 * book): a screen's loading effect lists it among its dependencies.
 */
export type Book = { info: AppInfo | null; programs: ProgramSummary[]; refresh: number };

export const BookContext = createContext<Book>({ info: null, programs: [], refresh: 0 });

export const useBook = (): Book => useContext(BookContext);

/** The book's file path, or its server's URL (never with a password). */
export const bookShown = (book: BookLocation): string => (book.kind === "server" ? book.url : book.path);
