import { programVersions } from "../api";
import type { Program } from "../bindings/Program";
import { useQuery } from "../query/useQuery";

/** A program grants discounts when one of its versions has discount rules (as the book decides it). */
export function givesDiscounts(program: Program): boolean {
  return program.versions.some((v) => v.rules.discounts !== null);
}

/**
 * Whether `program` grants discounts (tele2-ats and its copies), read from the book's programs;
 * `false` until they are loaded, or when they cannot be.
 */
export function useGivesDiscounts(program: string | undefined): boolean {
  const loaded = useQuery(programVersions, []);
  if (!program) return false;
  return loaded.data?.some((p) => p.id === program && givesDiscounts(p)) ?? false;
}
