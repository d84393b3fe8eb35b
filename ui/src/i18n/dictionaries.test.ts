import { describe, expect, it } from "vitest";
import { coreEn, coreRu } from "../bindings/coreWords";
import { en } from "./en";
import { dictionaries, translate } from "./index";
import { ru } from "./ru";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the dictionaries", () => {
  it("have the same keys in Russian and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect(ru[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(ru[key]));
    }
  });

  it("take the words the core owns from the core's generated file, with no copies of their own", () => {
    expect(Object.keys(coreRu).length).toBeGreaterThan(50);
    for (const key of Object.keys(coreRu) as (keyof typeof coreRu)[]) {
      expect(key in ru, key).toBe(false);
      expect(key in en, key).toBe(false);
      expect(translate("ru", key), key).toBe(coreRu[key]);
      expect(translate("en", key), key).toBe(coreEn[key]);
    }
    expect(translate("ru", "actStatus.signed")).toBe("подписан");
    expect(translate("en", "channel.migrator")).toBe("migrator");
    // The fields' labels are the ones the core's messages name them by.
    expect(translate("ru", "field.client_id")).toBe("ID клиента в биллинге");
    expect(translate("en", "field.inn")).toBe("INN");
  });

  it("fill placeholders", () => {
    expect(translate("ru", "common.found", { n: "12" })).toBe("Найдено: 12");
    expect(translate("en", "common.found", { n: "12" })).toBe("Found: 12");
    expect(dictionaries.ru["status.disqualified"]).toBe("дисквалифицирован");
  });
});
