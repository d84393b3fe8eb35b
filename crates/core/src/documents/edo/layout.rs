//! The УПД laid out as the format's element tree (`Файл` → `Документ` → …), in the
//! order the XSD's sequences demand.

use chrono::NaiveDate;

use super::requisites::{Fio, Id, Participant};
use super::upd::{Function, Upd};
use super::xml::XmlWriter;

/// `ВерсПрог`: what made the file (40 characters at most).
const PROGRAM: &str = concat!("Partnerbook ", env!("CARGO_PKG_VERSION"));

/// `ОКЕИ` 876, «условная единица»: a service has no natural unit, and a счёт-фактура's
/// line with a unit must carry a quantity and a price, so the service is one of it.
const UNIT_CODE: &str = "876";
const UNIT_NAME: &str = "усл. ед";

fn day(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

impl Upd {
    /// The whole file as text (the caller encodes it in Windows-1251).
    pub fn xml(&self) -> String {
        let mut w = XmlWriter::new();
        w.tag("Файл")
            .attr("ИдФайл", &self.file_id)
            .attr("ВерсФорм", "5.03")
            .attr("ВерсПрог", PROGRAM)
            .open();
        w.tag("Документ")
            .attr("КНД", "1115131")
            .attr("Функция", self.function.code())
            .attr("ПоФактХЖ", "Документ об оказании услуг")
            .attr("НаимДокОпр", self.function.title())
            .attr("ДатаИнфПр", &day(self.made.date()))
            .attr("ВремИнфПр", &self.made.format("%H.%M.%S").to_string())
            .attr("НаимЭконСубСост", &self.composer)
            .open();
        self.invoice(&mut w);
        self.table(&mut w);
        self.transfer(&mut w);
        w.tag("Подписант")
            .attr_opt("Должн", self.signer.position.as_deref())
            // 1: the signer's authority is in the signature itself (the head or the ИП).
            .attr("СпосПодтПолном", "1")
            .open();
        fio(&mut w, &self.signer.fio);
        w.close();
        w.finish()
    }

    /// `СвСчФакт`: number, date, the parties, the currency.
    fn invoice(&self, w: &mut XmlWriter) {
        w.tag("СвСчФакт")
            .attr("НомерДок", &self.number)
            .attr("ДатаДок", &day(self.date))
            .open();
        participant(w, "СвПрод", &self.seller);
        if self.function == Function::SchfDop {
            // Line 5а of the счёт-фактура: the transfer document is this УПД itself.
            w.tag("ДокПодтвОтгрНом")
                .attr("РеквНаимДок", "Универсальный передаточный документ")
                .attr("РеквНомерДок", &self.number)
                .attr("РеквДатаДок", &day(self.date))
                .empty();
        }
        participant(w, "СвПокуп", &self.buyer);
        w.tag("ДенИзм")
            .attr("КодОКВ", self.currency.code)
            .attr("НаимОКВ", self.currency.name)
            .empty();
        if let Some(note) = &self.note {
            w.tag("ИнфПолФХЖ1").open();
            w.tag("ТекстИнф")
                .attr("Идентиф", "Конвертация")
                .attr("Значен", note)
                .empty();
            w.close();
        }
        w.close();
    }

    /// `ТаблСчФакт`: the service's one line and the totals, which equal it.
    fn table(&self, w: &mut XmlWriter) {
        let line = &self.line;
        w.tag("ТаблСчФакт").open();
        w.tag("СведТов")
            .attr("НомСтр", "1")
            .attr("НаимТов", &line.name)
            .attr("ОКЕИ_Тов", UNIT_CODE)
            .attr("НаимЕдИзм", UNIT_NAME)
            .attr("КолТов", "1")
            .attr("ЦенаТов", &line.net)
            .attr("СтТовБезНДС", &line.net)
            .attr("НалСт", &line.rate)
            .attr("СтТовУчНал", &line.total)
            .open();
        // 3: a service (1 goods, 2 work, 4 a property right, 5 other).
        w.tag("ДопСведТов").attr("ПрТовРаб", "3").empty();
        w.tag("Акциз").open();
        w.tag("БезАкциз").text("без акциза");
        w.close();
        vat(w, "СумНал", line.vat.as_deref());
        w.close();
        w.tag("ВсегоОпл")
            .attr("СтТовБезНДСВсего", &line.net)
            .attr("СтТовУчНалВсего", &line.total)
            .open();
        vat(w, "СумНалВсего", line.vat.as_deref());
        w.close();
        w.close();
    }

    /// `СвПродПер`: the service rendered on the act's date for the period, under the
    /// contract; handed over by the seller's signer when the seller is an organisation.
    fn transfer(&self, w: &mut XmlWriter) {
        w.tag("СвПродПер").open();
        w.tag("СвПер")
            .attr("СодОпер", "Услуги оказаны в полном объеме")
            .attr("ДатаПер", &day(self.date))
            .attr("ДатаНачПер", &day(self.period.0))
            .attr("ДатаОконПер", &day(self.period.1))
            .open();
        match &self.basis {
            Some(basis) => w
                .tag("ОснПер")
                .attr("РеквНаимДок", "Договор")
                .attr("РеквНомерДок", &basis.number)
                .attr("РеквДатаДок", &day(basis.date))
                .empty(),
            None => w.tag("БезДокОснПер").text("1"),
        }
        if let (true, Some(position)) = (self.seller.is_organisation(), &self.signer.position) {
            w.tag("СвЛицПер").open();
            w.tag("РабОргПрод").attr("Должность", position).open();
            fio(w, &self.signer.fio);
            w.close();
            w.close();
        }
        w.close();
        w.close();
    }
}

/// `СумНал`/`СумНалВсего`: the VAT or «без НДС».
fn vat(w: &mut XmlWriter, element: &'static str, amount: Option<&str>) {
    w.tag(element).open();
    match amount {
        Some(amount) => w.tag("СумНал").text(amount),
        None => w.tag("БезНДС").text("без НДС"),
    }
    w.close();
}

fn fio(w: &mut XmlWriter, fio: &Fio) {
    w.tag("ФИО")
        .attr("Фамилия", &fio.last)
        .attr("Имя", &fio.first)
        .attr_opt("Отчество", fio.middle.as_deref())
        .empty();
}

/// `СвПрод`/`СвПокуп`: `ИдСв` by the party's kind, then the address.
fn participant(w: &mut XmlWriter, element: &'static str, party: &Participant) {
    w.tag(element).open();
    w.tag("ИдСв").open();
    match &party.id {
        Id::Legal { name, inn, kpp } => w
            .tag("СвЮЛУч")
            .attr("НаимОрг", name)
            .attr("ИННЮЛ", inn)
            .attr_opt("КПП", kpp.as_deref())
            .empty(),
        Id::Entrepreneur {
            inn,
            ogrnip,
            fio: person,
        } => {
            w.tag("СвИП")
                .attr("ИННФЛ", inn)
                .attr_opt("ОГРНИП", ogrnip.as_deref())
                .open();
            fio(w, person);
            w.close();
        }
        Id::Person { inn, fio: person } => {
            w.tag("СвФЛУч").attr_opt("ИННФЛ", inn.as_deref()).open();
            fio(w, person);
            w.close();
        }
        Id::Foreign {
            status,
            country,
            name,
            ident,
        } => w
            .tag("СвИнНеУч")
            .attr("ИдСтат", status)
            .attr("КодСтр", country.code)
            .attr("НаимСтран", country.name)
            .attr("Наим", name)
            .attr("Идентиф", ident)
            .empty(),
    }
    w.close();
    if let Some(address) = &party.address {
        w.tag("Адрес").open();
        w.tag("АдрИнф")
            .attr("КодСтр", address.country.code)
            .attr("НаимСтран", address.country.name)
            .attr("АдрТекст", &address.text)
            .empty();
        w.close();
    }
    w.close();
}
