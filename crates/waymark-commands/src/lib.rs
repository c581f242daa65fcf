//! Waymark's application layer: every command a front end can call, each one function over the
//! [`AppState`] and a request type, answering with a view or a [`CommandError`] (a code and
//! values). Sessions, views, the one sync pass and every rule a person meets live here or in
//! the core below; the desktop shell and the command-line tool only adapt them.
//!
//! The commands a person's window may call are declared once, in [`declared`]; the shell's
//! handler, its permissions and capability, the UI's typed bindings and the hostile-input suite
//! all come from that list. Commands for administrators are in [`operator`], never in the list.
//!
//! This crate must never depend on Tauri or any UI toolkit, nor read the clock or the random
//! number generator except through the vault's (so tests can fix them).

pub mod audit_log;
pub mod carer;
mod case_record;
mod check;
pub mod declared;
pub mod error;
pub mod export;
pub mod generated;
pub mod library;
pub mod operator;
pub mod plans;
pub mod roster_admin;
pub mod session;
pub mod sharing;
pub mod state;
pub mod statements;
pub mod typescript;
pub mod views;
pub mod worker;
pub mod worker_plans;

use serde::Deserialize;
use ts_rs::TS;

pub use declared::{dispatch, Access, Declared, COMMANDS};
pub use error::{CommandError, CommandResult};
pub use state::{AppState, Edition, Frontend, Headless};

/// The request of a command that takes nothing. Anything sent with it is ignored.
#[derive(Debug, Default, Deserialize, TS)]
pub struct NoArguments {}

/// The pass a window runs in the background every minute: a person's sync (deletions, roster,
/// outbox, mailbox, library), or the worker app's refresh (roster, feed, alerts). It does nothing
/// while locked; a failure is kept for the status line and the next pass tries again.
pub async fn background_pass(app: &AppState) {
    match app.edition() {
        Edition::Person => {
            let _ = sharing::sync_pass(app).await;
        }
        Edition::Worker => {
            let _ = worker::refresh_pass(app).await;
        }
    }
}
