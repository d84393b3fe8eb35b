import type { ActDocument } from "../bindings/ActDocument";
import type { ActSignature } from "../bindings/ActSignature";
import type { Party } from "../bindings/Party";
import { formatDate, formatDocumentAmount } from "../format";

// The act is a Russian primary document (402-ФЗ art. 9): the preview shows it as the PDF
// prints it, in Russian whatever the interface's language, from what the core decided.

const CURRENCY: Record<string, string> = { RUB: "руб.", KZT: "тенге", USD: "долл. США" };
const ru = (d: string | null) => formatDate(d, "ru");

/** «ООО «Альфа», ИНН 7707083893, КПП 773601001, ОГРН …, адрес …, р/с … в банке с БИК …». */
function requisites(p: Party): string {
  const ogrn = p.kind === "ip" ? "ОГРНИП" : "ОГРН";
  return [
    p.name,
    p.inn && `ИНН ${p.inn}`,
    p.kpp && `КПП ${p.kpp}`,
    p.ogrn && `${ogrn} ${p.ogrn}`,
    p.address,
    p.account && `р/с ${p.account}`,
    p.bik && `БИК ${p.bik}`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** The stamp of an electronic signature, as the PDF prints it (Moscow time). */
function Stamp({ signed }: { signed: ActSignature }) {
  const at = `${ru(signed.signed_at.slice(0, 10))} ${signed.signed_at.slice(11, 16)}`;
  return (
    <div className="paper-stamp" data-testid={`act-preview-stamp-${signed.role}`}>
      <div className="paper-stamp-head">Документ подписан электронной подписью</div>
      <div>Сертификат: {signed.serial}</div>
      <div>Владелец: {signed.signer}</div>
      {signed.organization && (
        <div>
          Организация: {signed.organization}
          {signed.inn && `, ИНН ${signed.inn}`}
        </div>
      )}
      <div>
        Действителен: с {ru(signed.valid_from.slice(0, 10))} по {ru(signed.valid_to.slice(0, 10))}
      </div>
      <div>Подписан: {at} (МСК)</div>
    </div>
  );
}

function Signature({ role, party, signed }: { role: string; party: Party; signed?: ActSignature }) {
  return (
    <div className="paper-sign">
      <div className="paper-sign-role">{role}</div>
      <div className="paper-sign-who">{party.name}</div>
      {party.signer_position && <div className="paper-sign-position">{party.signer_position}</div>}
      <div className="paper-sign-line">
        <span className="paper-sign-blank" />
        <span>/ {party.signer ?? "________________"} /</span>
      </div>
      <div className="paper-sign-mp">М. П.</div>
      {signed && <Stamp signed={signed} />}
    </div>
  );
}

/** The act as the paper shows it: title, parties, basis, the service line, sums, words, signatures. */
export function ActPreview({ doc }: { doc: ActDocument }) {
  const currency = CURRENCY[doc.currency] ?? doc.currency;
  const amount = formatDocumentAmount(doc.amount);
  const basis = doc.contract_no
    ? `Договор № ${doc.contract_no}${doc.contract_date ? ` от ${ru(doc.contract_date)}` : ""}`
    : "Договор без номера";
  return (
    <article className="paper" data-testid="act-preview" lang="ru">
      <h2 className="paper-title">
        Акт № {doc.number} от {ru(doc.date)}
      </h2>
      <div className="paper-subtitle">об оказании услуг</div>
      <table className="paper-parties">
        <tbody>
          <tr>
            <th scope="row">Исполнитель:</th>
            <td data-testid="act-preview-seller">{requisites(doc.seller)}</td>
          </tr>
          <tr>
            <th scope="row">Заказчик:</th>
            <td data-testid="act-preview-buyer">{requisites(doc.buyer)}</td>
          </tr>
          <tr>
            <th scope="row">Основание:</th>
            <td>{basis}</td>
          </tr>
        </tbody>
      </table>
      <table className="paper-lines">
        <thead>
          <tr>
            <th>№</th>
            <th className="paper-what">Наименование работ, услуг</th>
            <th>Кол-во</th>
            <th>Ед.</th>
            <th>Цена</th>
            <th>Сумма</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">1</td>
            <td className="paper-what">{doc.service}</td>
            <td className="num">1</td>
            <td>усл.</td>
            <td className="num">{amount}</td>
            <td className="num">{amount}</td>
          </tr>
        </tbody>
      </table>
      <table className="paper-sums">
        <tbody>
          <tr>
            <th scope="row">Итого:</th>
            <td data-testid="act-preview-amount">{amount}</td>
          </tr>
          <tr>
            {doc.vat ? (
              <>
                <th scope="row">В том числе НДС ({doc.vat.rate} %):</th>
                <td data-testid="act-preview-vat">{formatDocumentAmount(doc.vat.amount)}</td>
              </>
            ) : (
              <>
                <th scope="row" data-testid="act-preview-vat">
                  Без налога (НДС)
                </th>
                <td>—</td>
              </>
            )}
          </tr>
        </tbody>
      </table>
      <p className="paper-total-line">
        Всего оказано услуг 1, на сумму {amount} {currency}
      </p>
      <p className="paper-words" data-testid="act-preview-words">
        {doc.amount_words}
      </p>
      {doc.conversion_note && <p className="paper-note">{doc.conversion_note}</p>}
      <p className="paper-text">
        Вышеперечисленные услуги выполнены полностью и в срок. Заказчик претензий по объёму, качеству и срокам
        оказания услуг не имеет.
      </p>
      <div className="paper-signs">
        <Signature role="Исполнитель" party={doc.seller} signed={doc.signatures.find((s) => s.role === "seller")} />
        <Signature role="Заказчик" party={doc.buyer} signed={doc.signatures.find((s) => s.role === "buyer")} />
      </div>
    </article>
  );
}
