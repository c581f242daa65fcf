//! `waymark plan …`: add a plan version from a file, and see what changed between two.

use std::path::PathBuf;

use clap::Subcommand;
use waymark_commands::operator;
use waymark_core::domain::RecordKind;
use waymark_core::Language;

use crate::{read_file, Context, Failure, Outcome};

#[derive(Subcommand)]
pub enum PlanCommand {
    /// Add a plan version from a JSON file.
    Add { file: PathBuf },
    /// What changed between two versions.
    Diff { plan_id: String, from: u32, to: u32 },
}

pub fn run(cx: &mut Context, cmd: PlanCommand) -> Outcome {
    match cmd {
        PlanCommand::Add { file } => {
            let plan: serde_json::Value = serde_json::from_str(&read_file(&file)?)
                .map_err(|e| Failure::Usage(format!("{} is not a plan: {e}", file.display())))?;
            cx.unlock()?;
            let rec = operator::add_record(&cx.app, RecordKind::Plan, plan)?;
            println!("{}", rec.id);
        }
        PlanCommand::Diff { plan_id, from, to } => {
            let plan_id =
                uuid::Uuid::parse_str(plan_id.trim()).map_err(|_| Failure::Usage(format!("'{plan_id}' is not a plan id")))?;
            cx.unlock()?;
            let changes = operator::plan_diff(&cx.app, plan_id, from, to)?;
            if changes.is_empty() {
                println!("Nothing changed between version {from} and version {to}.");
            }
            for c in changes {
                println!("- {}", c.describe(Language::EnGb));
            }
        }
    }
    Ok(())
}
