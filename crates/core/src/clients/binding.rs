//! The binding rules, pure: given a program version's rules, what the book knows of the
//! client, and an attempt, decide whether the client is bound. No SQLite here.

use chrono::{Months, NaiveDate};

use crate::detail::{pair, read_pair};
use crate::partners::PartnerStatus;
use crate::programs::{BindingRules, Channel, Takeover};
use crate::Text;

/// The client's current binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentBinding {
    pub partner: String,
    pub channel: Channel,
    pub since: NaiveDate,
}

/// What the book knows of the client when the attempt is decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientFacts {
    pub registered: Option<NaiveDate>,
    pub inn: Option<String>,
    /// The client's id in the billing system (a partner buying under its own id is a
    /// self-referral too).
    pub client_id: Option<String>,
    pub current: Option<CurrentBinding>,
    /// The client was bound to someone at some time.
    pub ever_bound: bool,
    /// The client's earliest payment, if any.
    pub first_payment: Option<NaiveDate>,
    /// The client already had a promo-code discount.
    pub promo_discount_used: bool,
}

/// An attempt to bind: through `channel`, on `date`, to a partner (if the code was known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingAttempt {
    pub date: NaiveDate,
    pub channel: Channel,
    pub code: Option<String>,
    pub partner: Option<AttemptPartner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptPartner {
    pub id: String,
    pub status: PartnerStatus,
    /// The day the status took effect: a partner terminated later was still active
    /// on an earlier event's date.
    pub status_since: Option<NaiveDate>,
    pub inn: Option<String>,
    /// The partner's own account in the billing system.
    pub client_id: Option<String>,
}

/// Why the rules refused (or flagged) an attempt. `code()` is stable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    UnknownCode(String),
    NoCode,
    PartnerInactive {
        partner: String,
        status: PartnerStatus,
    },
    NotInForce,
    ChannelNotAccepted {
        channel: Channel,
        since: NaiveDate,
    },
    NotRegistered,
    BeforeRegistration {
        registered: NaiveDate,
    },
    NotAtRegistration {
        registered: NaiveDate,
    },
    WindowPassed {
        last_day: NaiveDate,
    },
    SelfReferral,
    BoundToOther {
        partner: String,
        since: NaiveDate,
    },
    NotNewClient,
    OlderThanCurrent {
        since: NaiveDate,
    },
    /// Not a refusal: the binding moved, but the client's promo discount was already used.
    PromoDiscountUsed,
}

fn ru_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::UnknownCode(_) => "unknown_code",
            Refusal::NoCode => "no_code",
            Refusal::PartnerInactive { .. } => "partner_inactive",
            Refusal::NotInForce => "program_not_in_force",
            Refusal::ChannelNotAccepted { .. } => "channel_not_accepted",
            Refusal::NotRegistered => "client_not_registered",
            Refusal::BeforeRegistration { .. } => "before_registration",
            Refusal::NotAtRegistration { .. } => "not_at_registration",
            Refusal::WindowPassed { .. } => "invite_window_passed",
            Refusal::SelfReferral => "self_referral",
            Refusal::BoundToOther { .. } => "bound_to_other",
            Refusal::NotNewClient => "not_new_client",
            Refusal::OlderThanCurrent { .. } => "older_than_current",
            Refusal::PromoDiscountUsed => "promo_discount_used",
        }
    }

    /// Rebuilds the reason from its stored code and detail (see [`Refusal::detail`]).
    pub fn text(code: &str, detail: &str) -> Text {
        let date = NaiveDate::parse_from_str(detail, "%Y-%m-%d").ok();
        let d = date.map(ru_date).unwrap_or_default();
        let iso = detail;
        match code {
            "unknown_code" => Text::new(format!("код «{detail}» не выдан ни одному партнёру программы"), format!("code “{detail}” belongs to no partner of the program")),
            "no_code" => Text::new("не указан код партнёра", "no partner code given"),
            "partner_inactive" => Text::new(format!("партнёр {detail} не действует (расторгнут или дисквалифицирован)"), format!("partner {detail} is not active (terminated or disqualified)")),
            "program_not_in_force" => Text::new("программа в эту дату не действовала", "the program was not in force on that date"),
            "channel_not_accepted" => {
                let (channel, since) = read_pair(detail, "channel", "since");
                let since = NaiveDate::parse_from_str(&since, "%Y-%m-%d").ok();
                let c = Channel::parse(&channel);
                let ru = c.map_or(channel.to_owned(), |c| c.name_ru().to_owned());
                let en = c.map_or(channel.to_owned(), |c| c.name_en().to_owned());
                match since.filter(|d| *d > crate::programs::templates::origin()) {
                    Some(d) => Text::new(
                        format!("канал «{ru}» не принимается программой с {}", ru_date(d)),
                        format!("the program does not accept the channel “{en}” since {d}"),
                    ),
                    None => Text::new(
                        format!("программа не привязывает клиентов через канал «{ru}»"),
                        format!("the program does not bind clients through the channel “{en}”"),
                    ),
                }
            }
            "client_not_registered" => Text::new("у клиента нет даты регистрации", "the client has no registration date"),
            "before_registration" => Text::new(format!("дата привязки раньше регистрации клиента ({d})"), format!("the binding date is before the client registered ({iso})")),
            "not_at_registration" => Text::new(format!("привязка возможна только при регистрации клиента ({d}); позже клиента не привязать"), format!("a client can be bound only when it registers ({iso}); never later")),
            "invite_window_passed" => Text::new(format!("код можно зарегистрировать в течение месяца после регистрации, до {d} включительно"), format!("a code can be registered within one month of registration, up to and including {iso}")),
            "self_referral" => Text::new("партнёр не может привязать сам себя (тот же ИНН или тот же ID клиента)", "a partner cannot bind itself (same ИНН or same client id)"),
            "bound_to_other" => {
                let (partner, since) = read_pair(detail, "partner", "since");
                let since_ru = NaiveDate::parse_from_str(&since, "%Y-%m-%d").map(ru_date).unwrap_or_default();
                Text::new(format!("клиент уже привязан к партнёру {partner} с {since_ru}; этот канал не перепривязывает"), format!("the client is bound to partner {partner} since {since}; this channel does not move bindings"))
            }
            "not_new_client" => Text::new("клиент не новый: у него уже были оплаты или привязка", "not a new client: it already had payments or a binding"),
            "older_than_current" => Text::new(format!("событие раньше текущей привязки клиента (с {d})"), format!("the event is older than the client's current binding (since {iso})")),
            "promo_discount_used" => Text::new("привязка перенесена, но скидку по промокоду клиент уже получал — повторно не даётся", "binding moved, but the client already had a promo discount — not given again"),
            other => Text::new(format!("отказ: {other}"), format!("refused: {other}")),
        }
    }

    /// The detail stored beside the code, enough to rebuild the message.
    pub fn detail(&self) -> String {
        match self {
            Refusal::UnknownCode(code) => code.clone(),
            Refusal::PartnerInactive { partner, .. } => partner.clone(),
            Refusal::ChannelNotAccepted { channel, since } => {
                pair(("channel", channel.key()), ("since", &since.to_string()))
            }
            Refusal::BeforeRegistration { registered }
            | Refusal::NotAtRegistration { registered } => registered.to_string(),
            Refusal::WindowPassed { last_day } => last_day.to_string(),
            Refusal::BoundToOther { partner, since } => {
                pair(("partner", partner), ("since", &since.to_string()))
            }
            Refusal::OlderThanCurrent { since } => since.to_string(),
            _ => String::new(),
        }
    }
}

/// What the rules decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Bind the client (moving it from its current partner, if any); `note` flags it.
    Bind {
        note: Option<Refusal>,
    },
    /// Already bound to this partner: nothing changes.
    Keep,
    Refuse(Refusal),
}

impl Decision {
    /// The outcome as the book stores it (`bound`, `kept`, `refused`), with the reason's
    /// code and detail (a binding can carry a note).
    pub fn recorded(&self) -> (&'static str, Option<&'static str>, Option<String>) {
        match self {
            Decision::Bind { note } => (
                "bound",
                note.as_ref().map(Refusal::code),
                note.as_ref().map(Refusal::detail),
            ),
            Decision::Keep => ("kept", None, None),
            Decision::Refuse(r) => ("refused", Some(r.code()), Some(r.detail())),
        }
    }
}

/// Decides an attempt under the rules in force on its date. `since` is the date the
/// rules took effect (for the message when a channel is closed).
pub fn decide(
    rules: Option<(&BindingRules, NaiveDate)>,
    facts: &ClientFacts,
    attempt: &BindingAttempt,
) -> Decision {
    use Decision::Refuse;
    let Some(partner) = &attempt.partner else {
        return Refuse(match &attempt.code {
            Some(code) => Refusal::UnknownCode(code.clone()),
            None => Refusal::NoCode,
        });
    };
    let stopped = partner
        .status_since
        .is_none_or(|since| since <= attempt.date);
    if !partner.status.accrues() && stopped {
        return Refuse(Refusal::PartnerInactive {
            partner: partner.id.clone(),
            status: partner.status,
        });
    }
    let Some((rules, since)) = rules else {
        return Refuse(Refusal::NotInForce);
    };
    let Some(rule) = rules.channels.iter().find(|c| c.channel == attempt.channel) else {
        return Refuse(Refusal::ChannelNotAccepted {
            channel: attempt.channel,
            since,
        });
    };
    let Some(registered) = facts.registered else {
        return Refuse(Refusal::NotRegistered);
    };
    if attempt.date < registered {
        return Refuse(Refusal::BeforeRegistration { registered });
    }
    if rule.at_registration_only && attempt.date != registered {
        return Refuse(Refusal::NotAtRegistration { registered });
    }
    if let Some(months) = rules.window_months {
        let last_day = registered
            .checked_add_months(Months::new(months))
            .unwrap_or(registered);
        if attempt.date > last_day {
            return Refuse(Refusal::WindowPassed { last_day });
        }
    }
    if rules.no_self_referral {
        let same_inn = matches!((&partner.inn, &facts.inn), (Some(a), Some(b)) if a == b);
        // The partner's own id is the department's and never names a client.
        let same_id =
            matches!((&partner.client_id, &facts.client_id), (Some(a), Some(b)) if a == b);
        if same_inn || same_id {
            return Refuse(Refusal::SelfReferral);
        }
    }
    if let Some(current) = &facts.current {
        if current.partner == partner.id {
            return Decision::Keep;
        }
        if rule.takeover == Takeover::Never {
            return Refuse(Refusal::BoundToOther {
                partner: current.partner.clone(),
                since: current.since,
            });
        }
        if attempt.date < current.since {
            return Refuse(Refusal::OlderThanCurrent {
                since: current.since,
            });
        }
    }
    if rule.new_clients_only
        && (facts.ever_bound || facts.first_payment.is_some_and(|d| d < attempt.date))
    {
        return Refuse(Refusal::NotNewClient);
    }
    let note = (rule.one_discount_per_client && facts.promo_discount_used)
        .then_some(Refusal::PromoDiscountUsed);
    Decision::Bind { note }
}
