//! The two lists of commands a desktop window may call: [`for_person`], a young person's or
//! carer's app, and [`for_worker`], the worker app. Each line names the command, who may call it, the module
//! its function lives in, its request and its answer. From each list come the dispatcher its front
//! ends call through (`dispatch`), the list its desktop shell turns into Tauri permissions and its
//! capability file, the list the hostile-input suite walks (`COMMANDS`), and its typed command map
//! in `ui/src/lib/bindings.ts`. A command in both lists is the same function: the rules are
//! written once.

use std::future::Future;

use serde::de::DeserializeOwned;
use serde::Serialize;
use waymark_core::domain::library::ResourceHit;
use waymark_core::domain::plan::Matter;
use waymark_core::secret::Strength;
use waymark_core::settings::DisplaySettings;

use crate::error::{CommandError, CommandResult};
use crate::views::*;
use crate::{carer, library, plans, session, sharing, statements, AppState, NoArguments};

/// Who may call a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone at the laptop, locked or not: the start screen, help pages, display settings.
    Anyone,
    /// Only while a profile is unlocked; refused with `locked` otherwise, before anything runs.
    Unlocked,
}

/// A command as declared: its name on the wire and who may call it.
#[derive(Clone, Copy, Debug)]
pub struct Declared {
    pub name: &'static str,
    pub access: Access,
}

macro_rules! declare_commands {
    ($list:ident; $( $name:ident : $access:ident, $module:ident, $req:ty => $resp:ty; )*) => {
      pub mod $list {
        use super::*;

        /// Every command, grouped by the module that holds it.
        pub const COMMANDS: &[Declared] = &[$( Declared { name: stringify!($name), access: Access::$access } ),*];

        /// Runs the command called `name` with its request as JSON, and answers in JSON; `None`
        /// when there is no such command. The request is read strictly by its type: anything
        /// else is refused as `unreadable_request`, naming the command.
        pub async fn dispatch(app: &AppState, name: &str, request: serde_json::Value) -> Option<CommandResult<serde_json::Value>> {
            Some(match name {
                $( stringify!($name) => run(app, Access::$access, name, request, |req: $req| crate::$module::$name(app, req)).await, )*
                _ => return None,
            })
        }

        /// The TypeScript declarations of every request type, and the command map:
        /// `{ name: { request: …; response: … } }` for each command.
        pub(crate) fn typescript_commands(cfg: &ts_rs::Config, map_name: &str) -> (Vec<String>, String) {
            use ts_rs::TS;
            let mut requests: Vec<String> = Vec::new();
            let mut map = format!("export interface {map_name} {{\n");
            $(
                let decl = <$req as TS>::decl(cfg);
                if !requests.contains(&decl) {
                    requests.push(decl);
                }
                map.push_str(&format!(
                    "  {}: {{ request: {}; response: {} }};\n",
                    stringify!($name),
                    <$req as TS>::name(cfg),
                    <$resp as TS>::name(cfg)
                ));
            )*
            map.push_str("}\n");
            (requests, map)
        }
      }
    };
}

pub use for_person::COMMANDS;

/// Runs the command called `name` from the list of `app`'s edition (a person's app or the worker
/// app), with its request as JSON; `None` when that list has no such command, so a person's
/// window can never reach a worker's command, nor the worker app a person's.
pub async fn dispatch(app: &AppState, name: &str, request: serde_json::Value) -> Option<CommandResult<serde_json::Value>> {
    match app.edition() {
        crate::Edition::Person => for_person::dispatch(app, name, request).await,
        crate::Edition::Worker => for_worker::dispatch(app, name, request).await,
    }
}

declare_commands! {
    for_person;
    list_profiles: Anyone, session, NoArguments => Vec<ProfileView>;
    create_profile: Anyone, session, session::CreateProfileRequest => SessionWithCode;
    restore_profile: Anyone, export, crate::export::RestoreProfileRequest => SessionWithCode;
    unlock: Anyone, session, session::UnlockRequest => SessionView;
    lock: Anyone, session, NoArguments => ();
    quick_exit: Anyone, session, NoArguments => ();
    session_status: Anyone, session, NoArguments => Option<SessionView>;
    passphrase_strength: Anyone, session, session::PassphraseStrengthRequest => Strength;
    suggest_words: Anyone, session, NoArguments => crate::views::SuggestedWords;
    recover: Anyone, session, session::RecoverRequest => SessionWithCode;
    get_settings: Anyone, session, NoArguments => DisplaySettings;
    save_settings: Anyone, session, session::SaveSettingsRequest => DisplaySettings;
    set_profile_language: Unlocked, session, session::SetProfileLanguageRequest => SessionView;
    save_recovery_code: Unlocked, session, session::SaveRecoveryCodeRequest => SavedFile;
    change_passphrase: Unlocked, session, session::ChangePassphraseRequest => NewRecoveryCode;
    work_progress: Anyone, session, NoArguments => Option<waymark_core::vault::Progress>;
    keep_what_opens: Unlocked, session, NoArguments => SessionView;
    replace_recovery_code: Unlocked, session, session::ReplaceRecoveryCodeRequest => NewRecoveryCode;
    delete_profile: Unlocked, session, session::DeleteProfileRequest => ();

    question_set: Anyone, statements, statements::QuestionSetRequest => QuestionSetView;
    helplines: Anyone, statements, NoArguments => Vec<HelplineView>;
    list_statements: Unlocked, statements, NoArguments => Vec<StatementView>;
    start_statement: Unlocked, statements, statements::StartStatementRequest => StatementView;
    save_answer: Unlocked, statements, statements::SaveAnswerRequest => StatementView;
    save_words: Unlocked, statements, statements::SaveWordsRequest => StatementView;
    set_statement_status: Unlocked, statements, statements::SetStatementStatusRequest => StatementView;

    plan_matters: Anyone, plans, NoArguments => Vec<Matter>;
    list_plans: Unlocked, plans, NoArguments => Vec<PlanView>;
    list_notes: Unlocked, plans, NoArguments => Vec<NoteView>;
    save_note: Unlocked, plans, plans::SaveNoteRequest => NoteView;

    search_library: Anyone, library, library::SearchLibraryRequest => Vec<ResourceHit>;
    get_resource: Anyone, library, library::GetResourceRequest => ResourceView;
    library_source: Anyone, library, NoArguments => LibrarySourceView;
    reset_library: Anyone, library, NoArguments => LibrarySourceView;
    resource_marks: Unlocked, library, NoArguments => Vec<ResourceMarkView>;
    mark_resource: Unlocked, library, library::MarkResourceRequest => ResourceMarkView;

    policy_guide: Anyone, carer, NoArguments => Vec<PolicyTopicView>;
    get_policy: Unlocked, carer, NoArguments => Option<PolicyView>;
    save_policy: Unlocked, carer, carer::SavePolicyRequest => PolicyView;
    export_policy: Unlocked, carer, NoArguments => SavedFile;
    learning_log: Unlocked, carer, NoArguments => LearningLogView;
    add_learning: Unlocked, carer, carer::AddLearningRequest => LearningLogView;
    export_learning_log: Unlocked, carer, NoArguments => SavedFile;

    sharing_overview: Unlocked, sharing, NoArguments => SharingView;
    preview_service: Unlocked, sharing, sharing::PreviewServiceRequest => ServicePreviewView;
    connect_service: Unlocked, sharing, sharing::ConnectServiceRequest => SharingView;
    give_consent: Unlocked, sharing, sharing::GiveConsentRequest => SharingView;
    withdraw_consent: Unlocked, sharing, sharing::WithdrawConsentRequest => WithdrawnView;
    share_with_service: Unlocked, sharing, sharing::ShareWithServiceRequest => SharingView;
    send_now: Unlocked, sharing, NoArguments => SharingView;

    export_everything: Unlocked, export, NoArguments => Vec<SavedFile>;
    export_sealed: Unlocked, export, crate::export::ExportSealedRequest => SavedFile;
}

declare_commands! {
    for_worker;
    list_profiles: Anyone, session, NoArguments => Vec<ProfileView>;
    create_profile: Anyone, session, session::CreateProfileRequest => SessionWithCode;
    unlock: Anyone, session, session::UnlockRequest => SessionView;
    lock: Anyone, session, NoArguments => ();
    quick_exit: Anyone, session, NoArguments => ();
    session_status: Anyone, session, NoArguments => Option<SessionView>;
    passphrase_strength: Anyone, session, session::PassphraseStrengthRequest => Strength;
    suggest_words: Anyone, session, NoArguments => crate::views::SuggestedWords;
    recover: Anyone, session, session::RecoverRequest => SessionWithCode;
    get_settings: Anyone, session, NoArguments => DisplaySettings;
    save_settings: Anyone, session, session::SaveSettingsRequest => DisplaySettings;
    set_profile_language: Unlocked, session, session::SetProfileLanguageRequest => SessionView;
    save_recovery_code: Unlocked, session, session::SaveRecoveryCodeRequest => SavedFile;
    change_passphrase: Unlocked, session, session::ChangePassphraseRequest => NewRecoveryCode;
    work_progress: Anyone, session, NoArguments => Option<waymark_core::vault::Progress>;
    keep_what_opens: Unlocked, session, NoArguments => SessionView;
    replace_recovery_code: Unlocked, session, session::ReplaceRecoveryCodeRequest => NewRecoveryCode;

    question_set: Anyone, statements, statements::QuestionSetRequest => QuestionSetView;
    plan_matters: Anyone, plans, NoArguments => Vec<Matter>;
    policy_guide: Anyone, carer, NoArguments => Vec<PolicyTopicView>;

    preview_service: Unlocked, sharing, sharing::PreviewServiceRequest => ServicePreviewView;
    connect_service: Unlocked, sharing, sharing::ConnectServiceRequest => SharingView;

    worker_overview: Unlocked, worker, NoArguments => crate::worker::WorkerOverview;
    worker_refresh: Unlocked, worker, NoArguments => crate::worker::WorkerOverview;
    inbox: Unlocked, worker, crate::worker::InboxRequest => crate::worker::InboxView;
    open_item: Unlocked, worker, crate::worker::OpenItemRequest => crate::worker::SharedItemView;
    answer_item: Unlocked, worker, crate::worker::AnswerItemRequest => crate::worker::SharedItemView;
    my_people: Unlocked, worker, NoArguments => Vec<crate::worker::PersonView>;
    name_person: Unlocked, worker, crate::worker::NamePersonRequest => Vec<crate::worker::PersonView>;
    save_case_record: Unlocked, worker, crate::worker::SaveCaseRecordRequest => SavedFile;
    duty_view: Unlocked, worker, NoArguments => crate::worker::DutyView;
    person_plan: Unlocked, worker_plans, crate::worker_plans::PersonPlanRequest => crate::worker_plans::PersonPlanView;
    preview_plan: Unlocked, worker_plans, crate::worker_plans::PlanDraftRequest => crate::worker_plans::PlanPreviewView;
    publish_plan: Unlocked, worker_plans, crate::worker_plans::PlanDraftRequest => crate::worker_plans::PublishedPlanView;
    organisation_view: Unlocked, roster_admin, NoArguments => crate::roster_admin::OrganisationView;
    person_devices: Unlocked, roster_admin, crate::roster_admin::PersonRequest => crate::roster_admin::PersonDevicesView;
    approve_device: Unlocked, roster_admin, crate::roster_admin::ApproveDeviceRequest => crate::roster_admin::PersonDevicesView;
    revoke_device: Unlocked, roster_admin, crate::roster_admin::RevokeDeviceRequest => crate::roster_admin::PersonDevicesView;
    invite_person: Unlocked, roster_admin, crate::roster_admin::InvitePersonRequest => crate::roster_admin::InviteView;
    save_invite_sheet: Unlocked, roster_admin, crate::roster_admin::InviteSheetRequest => SavedFile;
    add_worker: Unlocked, roster_admin, crate::roster_admin::AddWorkerRequest => crate::roster_admin::InviteView;
    new_invite_code: Unlocked, roster_admin, crate::roster_admin::PersonRequest => crate::roster_admin::InviteView;
    remove_worker: Unlocked, roster_admin, crate::roster_admin::WorkerRequest => crate::roster_admin::OrganisationView;
    allocate: Unlocked, roster_admin, crate::roster_admin::AllocateRequest => crate::roster_admin::OrganisationView;
    audit_log: Unlocked, audit_log, NoArguments => crate::audit_log::AuditLogView;
    publish_library: Unlocked, roster_admin, crate::roster_admin::PublishLibraryRequest => crate::roster_admin::LibraryPublishedView;
}

async fn run<Req, Resp, F, Fut>(app: &AppState, access: Access, name: &str, request: serde_json::Value, command: F) -> CommandResult<serde_json::Value>
where
    Req: DeserializeOwned,
    Resp: Serialize,
    F: FnOnce(Req) -> Fut,
    Fut: Future<Output = CommandResult<Resp>>,
{
    if access == Access::Unlocked && !app.is_unlocked()? {
        return Err(CommandError::locked());
    }
    // serde's own words are left out: they can quote the whole bad value back.
    let request: Req = serde_json::from_value(request).map_err(|_| CommandError::new("unreadable_request").with("command", name))?;
    let answer = command(request).await?;
    serde_json::to_value(answer).map_err(|_| CommandError::new("internal"))
}
