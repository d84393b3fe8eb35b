//! `demo`: a realistic sample book.

use std::process::ExitCode;

use partnerbook_core::api;
use partnerbook_core::Result;

use crate::context::Context;

pub fn run(ctx: &mut Context) -> Result<ExitCode> {
    let actor = ctx.actor();
    let summary = api::fill_demo(&mut ctx.book, &actor)?;
    eprintln!(
        "{}",
        match ctx.lang {
            partnerbook_core::Lang::Ru => format!(
                "Демо-данные: партнёров {}, клиентов {}, событий привязки {}, строк биллинга {}, записей журнала начислений {}, актов {}.",
                summary.partners, summary.clients, summary.events, summary.payments, summary.entries, summary.acts
            ),
            partnerbook_core::Lang::En => format!(
                "Demo data: {} partners, {} clients, {} binding events, {} billing rows, {} ledger entries, {} acts.",
                summary.partners, summary.clients, summary.events, summary.payments, summary.entries, summary.acts
            ),
        }
    );
    Ok(ExitCode::SUCCESS)
}
