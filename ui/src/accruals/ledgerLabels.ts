import type { MessageKey } from "../i18n";

/** The ledger's entry kinds the UI names; others show as the shell sends them. */
export const ENTRY_KINDS: Record<string, MessageKey> = {
  credit: "entry.credit",
  reversal: "entry.reversal",
  annulment: "entry.annulment",
  conversion: "entry.conversion",
  conversion_reversal: "entry.conversion_reversal",
  payout: "entry.payout",
};

/** The money columns of a balance, in the order the table shows them. */
export const BALANCE_COLUMNS = ["accrued", "reversed", "annulled", "on_hold", "available", "converted", "paid"] as const;
export type BalanceColumn = (typeof BALANCE_COLUMNS)[number];

export const BALANCE_LABELS: Record<BalanceColumn, MessageKey> = {
  accrued: "balance.accrued",
  reversed: "balance.reversed",
  annulled: "balance.annulled",
  on_hold: "balance.on_hold",
  available: "balance.available",
  converted: "balance.converted",
  paid: "balance.paid",
};
