import type { ErrorDto } from "./bindings/ErrorDto";
import type { ProblemDto } from "./bindings/ProblemDto";

/** Whatever a command rejected with, as an `ErrorDto` (the shell sends one; Tauri itself may send a string). */
export function toErrorDto(reason: unknown): ErrorDto {
  if (typeof reason === "object" && reason !== null && "code" in reason && "message" in reason) {
    const r = reason as { code: unknown; message: unknown; problems?: unknown };
    return {
      code: String(r.code),
      message: String(r.message),
      problems: Array.isArray(r.problems) ? (r.problems as ProblemDto[]) : [],
    };
  }
  if (reason instanceof Error) return { code: "ipc", message: reason.message, problems: [] };
  return { code: "ipc", message: String(reason), problems: [] };
}

/** Problems of an `invalid` error keyed by form field; the rest (no field, or a field the form lacks) apart. */
export function problemsByField(
  error: ErrorDto | null,
  fields: readonly string[],
): { byField: Map<string, ProblemDto[]>; other: ProblemDto[] } {
  const byField = new Map<string, ProblemDto[]>();
  const other: ProblemDto[] = [];
  for (const p of error?.problems ?? []) {
    if (p.field && fields.includes(p.field)) {
      byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
    } else {
      other.push(p);
    }
  }
  return { byField, other };
}
