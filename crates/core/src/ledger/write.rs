//! The kinds of ledger entry. Entries are only ever inserted (the book's triggers refuse
//! an update or a delete); a correction is a new entry that points at what it corrects.

/// The kinds of entry, as the `ledger.kind` column holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Credit,
    Reversal,
    Annulment,
    /// Available balance turned into money owed (an act).
    Conversion,
    /// A rejected act's amount, back in the available balance.
    ConversionReversal,
    /// The money owed was paid.
    Payout,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Credit,
        Kind::Reversal,
        Kind::Annulment,
        Kind::Conversion,
        Kind::ConversionReversal,
        Kind::Payout,
    ];

    /// The kind a stored key names; an unknown key is `None`, never a default.
    pub fn parse(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            Kind::Credit => "credit",
            Kind::Reversal => "reversal",
            Kind::Annulment => "annulment",
            Kind::Conversion => "conversion",
            Kind::ConversionReversal => "conversion_reversal",
            Kind::Payout => "payout",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn every_kind_reads_back_from_its_key_and_nothing_else_does() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.key()), Some(kind));
        }
        assert_eq!(Kind::parse("bonus"), None);
    }
}
