//! `ui/src/lib/bindings.ts`: the TypeScript the UI imports, generated from the Rust types (the
//! views here, the core's enums under its `ts` feature, each request type) and the command list,
//! so there is one definition of each. A test fails when the committed file is stale.

use ts_rs::TS;
use waymark_core::domain::consent::ShareableKind;
use waymark_core::domain::learning::{LearningEntry, LearningKind};
use waymark_core::domain::library::{Audience, ResourceHit};
use waymark_core::domain::note::PathwayNote;
use waymark_core::domain::plan::{Action, ActionStatus, Goal, Matter, Plan, PlanKind};
use waymark_core::domain::policy::{PolicySection, PolicyTopic, SaferCaringPolicy};
use waymark_core::domain::statement::ResponseKind;
use waymark_core::domain::{StatementKind, StatementStatus};
use waymark_core::secret::{Strength, StrengthLevel, StrengthProblem};
use waymark_core::settings::{DisplaySettings, TextSize};
use waymark_core::vocabulary::WorkerRole;
use waymark_core::{Language, Role};

use crate::error::CommandError;
use crate::views::*;
use crate::worker;

pub fn typescript_bindings() -> String {
    let cfg = ts_rs::Config::default();
    let mut out = String::from(
        "// Generated from crates/waymark-commands by `UPDATE_BINDINGS=1 cargo test -p waymark-commands`. Do not edit.\n\n",
    );
    let (mut requests, command_map) = crate::declared::for_person::typescript_commands(&cfg, "Commands");
    let (worker_requests, worker_map) = crate::declared::for_worker::typescript_commands(&cfg, "WorkerCommands");
    for r in worker_requests {
        if !requests.contains(&r) {
            requests.push(r);
        }
    }
    let types = [
        CommandError::decl(&cfg),
        Role::decl(&cfg),
        Language::decl(&cfg),
        ProfileView::decl(&cfg),
        SessionView::decl(&cfg),
        SessionWithCode::decl(&cfg),
        NewRecoveryCode::decl(&cfg),
        SuggestedWords::decl(&cfg),
        VaultCheckView::decl(&cfg),
        VaultFinding::decl(&cfg),
        VaultPart::decl(&cfg),
        waymark_core::vault::Progress::decl(&cfg),
        StrengthLevel::decl(&cfg),
        StrengthProblem::decl(&cfg),
        Strength::decl(&cfg),
        TextSize::decl(&cfg),
        DisplaySettings::decl(&cfg),
        SavedFile::decl(&cfg),
        Audience::decl(&cfg),
        ResourceHit::decl(&cfg),
        ResourceView::decl(&cfg),
        LibrarySourceView::decl(&cfg),
        LibrarySourceKind::decl(&cfg),
        StatementKind::decl(&cfg),
        StatementStatus::decl(&cfg),
        ChoiceView::decl(&cfg),
        QuestionView::decl(&cfg),
        QuestionSetView::decl(&cfg),
        AnswerView::decl(&cfg),
        StatusChangeView::decl(&cfg),
        StatementView::decl(&cfg),
        HelplineView::decl(&cfg),
        ResourceMarkView::decl(&cfg),
        Matter::decl(&cfg),
        PlanKind::decl(&cfg),
        ActionStatus::decl(&cfg),
        Action::decl(&cfg),
        Goal::decl(&cfg),
        Plan::decl(&cfg),
        PlanView::decl(&cfg),
        PathwayNote::decl(&cfg),
        NoteView::decl(&cfg),
        NoteInput::decl(&cfg),
        PolicyTopic::decl(&cfg),
        PolicySection::decl(&cfg),
        SaferCaringPolicy::decl(&cfg),
        PolicyTopicView::decl(&cfg),
        LearningKind::decl(&cfg),
        LearningEntry::decl(&cfg),
        LearningEntryView::decl(&cfg),
        MonthTotal::decl(&cfg),
        LearningLogView::decl(&cfg),
        ShareableKind::decl(&cfg),
        WorkerRole::decl(&cfg),
        WorkerChoiceView::decl(&cfg),
        ResponseKind::decl(&cfg),
        WorkerResponseView::decl(&cfg),
        ConsentView::decl(&cfg),
        SharingView::decl(&cfg),
        DeletionView::decl(&cfg),
        WithdrawnView::decl(&cfg),
        PolicyView::decl(&cfg),
        ConnectionView::decl(&cfg),
        ApprovalView::decl(&cfg),
        ServicePreviewView::decl(&cfg),
        ServiceChangeView::decl(&cfg),
        worker::WorkerSelfView::decl(&cfg),
        worker::WorkerOverview::decl(&cfg),
        worker::InboxItemView::decl(&cfg),
        worker::PersonChoiceView::decl(&cfg),
        worker::InboxView::decl(&cfg),
        worker::ReaderView::decl(&cfg),
        worker::SentReplyView::decl(&cfg),
        worker::SharedItemView::decl(&cfg),
        worker::PersonView::decl(&cfg),
        worker::ItemAnswer::decl(&cfg),
        worker::AlertedView::decl(&cfg),
        worker::DutyAlertView::decl(&cfg),
        worker::DutyView::decl(&cfg),
        crate::worker_plans::PersonPlanView::decl(&cfg),
        crate::worker_plans::PlanPreviewView::decl(&cfg),
        crate::worker_plans::PublishedPlanView::decl(&cfg),
        crate::roster_admin::AllocationView::decl(&cfg),
        crate::roster_admin::RosterPersonView::decl(&cfg),
        crate::roster_admin::RosterWorkerView::decl(&cfg),
        crate::roster_admin::OrganisationView::decl(&cfg),
        crate::roster_admin::PersonDeviceView::decl(&cfg),
        crate::roster_admin::PersonDevicesView::decl(&cfg),
        crate::roster_admin::InviteView::decl(&cfg),
        crate::roster_admin::ServedAs::decl(&cfg),
        crate::audit_log::AuditEntryView::decl(&cfg),
        crate::audit_log::AuditProblemView::decl(&cfg),
        crate::audit_log::AuditLaptopView::decl(&cfg),
        crate::audit_log::AuditLogView::decl(&cfg),
        crate::roster_admin::LibraryPage::decl(&cfg),
        crate::roster_admin::LibraryPublishedView::decl(&cfg),
    ];
    for decl in types.iter().chain(&requests) {
        out.push_str("export ");
        out.push_str(decl);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&command_map);
    out.push_str("export type CommandName = keyof Commands;\n");
    out.push_str(&worker_map);
    out.push_str("export type WorkerCommandName = keyof WorkerCommands;\n");
    out.push_str(&rules());
    out
}

/// The rules a stand-in for the backend (the UI tests' fake) needs, as data from their one
/// definition in the core, so the fake never restates them.
fn rules() -> String {
    let json = |v: serde_json::Value| serde_json::to_string(&v).expect("JSON");
    let kinds: serde_json::Map<String, serde_json::Value> = [Role::YoungPerson, Role::Carer, Role::Worker]
        .into_iter()
        .map(|r| (r.as_str().to_string(), serde_json::json!(ShareableKind::for_role(r))))
        .collect();
    let urgent: Vec<StatementKind> = StatementKind::ALL.into_iter().filter(|k| k.is_urgent()).collect();
    let workers: serde_json::Map<String, serde_json::Value> = [Role::YoungPerson, Role::Carer, Role::Worker]
        .into_iter()
        .map(|r| (r.as_str().to_string(), serde_json::json!(WorkerRole::chosen_by(r))))
        .collect();
    format!(
        "\n/** The kinds each role may share (`ShareableKind::for_role`). */\nexport const SHAREABLE_KINDS: Record<Role, ShareableKind[]> = {};\n\
         /** Statements marked urgent when shared (`StatementKind::is_urgent`). */\nexport const URGENT_STATEMENT_KINDS: StatementKind[] = {};\n\
         /** The workers each role may choose to share with (`WorkerRole::chosen_by`). */\nexport const WORKERS_CHOSEN_BY: Record<Role, WorkerRole[]> = {};\n",
        json(serde_json::Value::Object(kinds)),
        json(serde_json::json!(urgent)),
        json(serde_json::Value::Object(workers)),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn ui_bindings_are_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
        crate::generated::check_current(&path, &super::typescript_bindings(), "cargo test -p waymark-commands");
    }
}
