// Acts, documents and deadlines as the shell answers them, for the UI's tests.
import type { ActDocument } from "../bindings/ActDocument";
import type { ActSignature } from "../bindings/ActSignature";
import type { ActPage } from "../bindings/ActPage";
import type { ActRow } from "../bindings/ActRow";
import type { Deadline } from "../bindings/Deadline";

export const actRow = (number: string, over: Partial<ActRow> = {}): ActRow => ({
  act: String(Number(number.slice(-4))),
  number,
  date: "2026-03-10",
  partner: "P-1",
  name: "ООО «Альфа»",
  program: "bitrix24",
  amount: "6000.00",
  unit: "bonus",
  money: "6000.00",
  currency: "RUB",
  vat_rate: null,
  vat: null,
  payout_kind: "bank",
  period_from: "2026-01-01",
  period_to: "2026-03-10",
  status: "draft",
  sent: null,
  sign_due: null,
  signed: null,
  pay_due: null,
  paid: null,
  rejected: null,
  reason: null,
  overdue: false,
  ...over,
});

export const ROWS: ActRow[] = [
  actRow("2026-0004", { status: "paid", sent: "2026-03-11", sign_due: "2026-03-16", signed: "2026-03-12", pay_due: "2026-03-26", paid: "2026-03-20" }),
  actRow("2026-0003", { status: "signed", sent: "2026-03-11", sign_due: "2026-03-16", signed: "2026-03-12", pay_due: "2026-03-26", overdue: true }),
  actRow("2026-0002", { status: "sent", sent: "2026-03-11", sign_due: "2026-03-16", partner: "P-5", name: "ТОО «Асель»", program: "atlantys", unit: "KZT", money: "75000.00", amount: "75000.00", currency: "KZT" }),
  actRow("2026-0001", { status: "rejected", rejected: "2026-03-12", reason: "нет подписи" }),
];

export const page = (rows: ActRow[]): ActPage => ({
  total: rows.length,
  offset: 0,
  rows,
  totals: [...new Set(rows.map((r) => r.currency))].map((currency) => ({
    currency,
    count: rows.filter((r) => r.currency === currency).length,
    money: rows
      .filter((r) => r.currency === currency)
      .reduce((s, r) => s + Number(r.money), 0)
      .toFixed(2),
  })),
});

export const DOC: ActDocument = {
  number: "2026-0001",
  date: "2026-03-10",
  seller: {
    name: "ООО «Альфа»", kind: "ooo", inn: "7707083893", kpp: "773601001", ogrn: "1027700132195", address: "Москва, ул. Вавилова, 19",
    bik: "044525225", account: "40702810238720001420", edo_id: null, signer: "Петров Пётр Петрович", signer_position: "Генеральный директор",
  },
  buyer: {
    name: "ООО «Вендор»", kind: "ooo", inn: "7736207543", kpp: "773601001", ogrn: null, address: "Москва, ул. Льва Толстого, 16",
    bik: null, account: null, edo_id: null, signer: "Иванова Анна Сергеевна", signer_position: "Директор по партнёрам",
  },
  contract_no: "Д-1",
  contract_date: "2025-01-15",
  period_from: "2026-01-01",
  period_to: "2026-03-10",
  service: "Партнёрское вознаграждение по программе «Битрикс24» за период с 01.01.2026 по 10.03.2026",
  amount: "6000.00",
  currency: "RUB",
  vat: null,
  amount_words: "Шесть тысяч рублей 00 копеек",
  conversion_note: "Конвертация 6 000,00 бонусов по курсу 1 бонус = 1 руб.",
  signatures: [],
};

/** The partner's signature as the core reports it (Moscow time). */
export const SELLER_SIGNATURE: ActSignature = {
  role: "seller",
  signer: "Петров Пётр Петрович",
  organization: "ООО «Альфа»",
  inn: "7707083893",
  ogrn: "1027700132195",
  serial: "73EB6DA7BC24A3CEF5431A7DD3E8A0A40FB4ADDF",
  valid_from: "2026-12-05T12:35:00+03:00",
  valid_to: "2027-01-04T12:35:00+03:00",
  signed_at: "2026-12-05T12:36:00+03:00",
};

export const deadline = (number: string, over: Partial<Deadline> = {}): Deadline => ({
  act: String(Number(number.slice(-4))),
  number,
  partner: "P-1",
  name: "ООО «Альфа»",
  program: "bitrix24",
  what: "sign",
  due: "2026-03-30",
  days_left: 0,
  overdue: false,
  money: "6000.00",
  currency: "RUB",
  ...over,
});
