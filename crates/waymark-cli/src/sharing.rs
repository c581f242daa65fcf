//! `waymark consent | share | outbox | connect | sync`: the sharing commands of the application
//! layer, the same ones the app's Sharing and privacy screen calls, and its one sync pass.

use clap::{Args, Subcommand};
use waymark_commands::operator;
use waymark_commands::views::{ApprovalView, ConnectionView, ServiceChangeView};
use waymark_commands::sharing::{self, GiveConsentRequest, PreviewServiceRequest, ShareWithServiceRequest, SyncReport, WithdrawConsentRequest};
use waymark_core::domain::ShareableKind;
use waymark_core::vocabulary::WorkerRole;
use waymark_core::Language;

use crate::{Context, Outcome};

#[derive(Subcommand)]
pub enum ConsentCommand {
    /// Say yes to sharing a kind of record (one your role keeps) with a recipient.
    Grant(ConsentArgs),
    /// Say no again. When the recipient is the connected service, it is asked at once to delete
    /// what it holds (and at every sync until it confirms).
    Withdraw(ConsentArgs),
    /// What this profile has said yes to, and the deletions it has asked for.
    List,
}

#[derive(Args)]
pub struct ConsentArgs {
    /// statement, pathway_note, safer_caring_policy or learning_entry
    kind: String,
    /// Who (default: the connected service).
    #[arg(long = "to", conflicts_with = "worker")]
    recipient: Option<String>,
    /// Which of your workers, when your service keeps a roster: social_worker, iro or
    /// supervising_social_worker.
    #[arg(long)]
    worker: Option<String>,
}

/// A worker role as typed: `social_worker`, `iro` or `supervising_social_worker`.
fn worker_role(text: &str) -> Result<WorkerRole, crate::Failure> {
    WorkerRole::parse(&text.trim().to_ascii_lowercase().replace('-', "_"))
        .filter(|w| *w != WorkerRole::Duty)
        .ok_or_else(|| crate::Failure::Usage(format!("--worker must be social_worker, iro or supervising_social_worker, not {text:?}")))
}

/// "your social worker (Sam Okafor)", or without a name while nobody is allocated.
fn worker_words(worker: WorkerRole, name: Option<&str>) -> String {
    let role = role_words(worker);
    match name {
        Some(name) => format!("{role} ({name})"),
        None => format!("{role} (nobody is allocated yet: it waits until someone is)"),
    }
}

fn role_words(worker: WorkerRole) -> &'static str {
    match worker {
        WorkerRole::SocialWorker => "your social worker",
        WorkerRole::Iro => "your Independent Reviewing Officer",
        WorkerRole::SupervisingSocialWorker => "your supervising social worker",
        WorkerRole::Duty => "the duty team",
    }
}

/// The command line speaks English (it is for administrators and scripts).
const ENGLISH: Language = Language::EnGb;

pub fn consent(cx: &mut Context, cmd: ConsentCommand) -> Outcome {
    match cmd {
        ConsentCommand::Grant(a) => {
            let kind = ShareableKind::parse(&a.kind)?;
            let worker = a.worker.as_deref().map(worker_role).transpose()?;
            cx.unlock()?;
            let recipient = match a.recipient {
                Some(recipient) => {
                    operator::grant_consent_to(&cx.app, kind, &recipient)?;
                    recipient
                }
                None => {
                    let view = cx.call(sharing::give_consent(&cx.app, GiveConsentRequest { kind, worker }))?;
                    match worker {
                        Some(w) => worker_words(w, view.workers.iter().find(|c| c.worker == w).and_then(|c| c.name.as_deref())),
                        None => view.connection.map(|c| c.service_name).unwrap_or_default(),
                    }
                }
            };
            println!("You said yes to sharing {} with {}.", kind.words(ENGLISH), recipient.trim());
        }
        ConsentCommand::Withdraw(a) => {
            let kind = ShareableKind::parse(&a.kind)?;
            let worker = a.worker.as_deref().map(worker_role).transpose()?;
            cx.unlock()?;
            let withdrawn = cx.call(sharing::withdraw_consent(&cx.app, WithdrawConsentRequest { kind, recipient: a.recipient, worker }))?;
            let recipient: &str = match withdrawn.worker {
                Some(w) => role_words(w),
                None => withdrawn.recipient.trim(),
            };
            println!(
                "You said no to sharing {} with {recipient}. {} waiting item(s) will not be sent.",
                kind.words(ENGLISH),
                withdrawn.removed_from_outbox
            );
            if let Some(n) = withdrawn.no_longer_handed {
                println!("The service says it will no longer give {recipient} the {n} item(s) you shared before; they may have read some already.");
            }
            // Deleting is the service's to do (it holds one copy for all of a person's workers).
            let holder = if withdrawn.worker.is_some() { "The service" } else { recipient };
            if let Some(n) = withdrawn.deleted_at_service {
                println!("{holder} deleted {n} item(s) it held; its signed receipt checked out and is kept.");
            }
            if let Some(problem) = withdrawn.deletion_problem {
                println!("{holder} could not be asked to delete yet ({problem}); it will be asked at the next sync.");
            }
        }
        ConsentCommand::List => {
            cx.unlock()?;
            let view = cx.call(sharing::sharing_overview(&cx.app, Default::default()))?;
            if view.consents.is_empty() {
                println!("You have not said yes to sharing anything.");
            }
            for c in &view.consents {
                let with = match c.worker {
                    Some(w) => worker_words(w, view.workers.iter().find(|x| x.worker == w).and_then(|x| x.name.as_deref())),
                    None => c.recipient.clone(),
                };
                println!("Yes: {} with {with} (since {})", c.kind.words(ENGLISH), c.since);
            }
            for d in &view.deletions {
                match (&d.confirmed_at, d.deleted) {
                    (Some(at), Some(n)) => println!("Deleted by {}: {} ({n} item(s), confirmed {at})", d.service_name, d.kind.words(ENGLISH)),
                    _ => println!("Asked {} to delete: {} (asked {}, waiting for its answer)", d.service_name, d.kind.words(ENGLISH), d.asked_at),
                }
            }
        }
    }
    Ok(())
}

pub fn share(cx: &mut Context, id: String, recipient: Option<String>) -> Outcome {
    cx.unlock()?;
    let view = match &recipient {
        Some(recipient) => cx.call(operator::share_to(&cx.app, &id, recipient))?,
        None => cx.call(sharing::share_with_service(&cx.app, ShareWithServiceRequest { id: id.clone() }))?,
    };
    let to = recipient.or(view.connection.as_ref().map(|c| c.service_name.clone())).unwrap_or_default();
    println!("Queued {id} for {}.", to.trim());
    if view.connection.is_none() {
        println!("It waits in the outbox until this profile is connected to {}.", to.trim());
        return Ok(());
    }
    println!("Sent so far: {}; waiting: {}.", view.sent, view.waiting);
    if let (true, Some(problem)) = (view.waiting > 0, &view.last_problem) {
        println!("Not all sent yet ({problem}); what waits is tried again at the next sync.");
    }
    Ok(())
}

pub fn outbox(cx: &mut Context) -> Outcome {
    cx.unlock()?;
    let items = operator::outbox(&cx.app)?;
    if items.is_empty() {
        println!("Nothing is waiting to be sent.");
    }
    for i in items {
        println!(
            "{}  {} {} -> {} (queued {}, {} tries)",
            i.item_id,
            i.record_kind.as_str(),
            i.record_id,
            i.recipient,
            i.enqueued_at.to_rfc3339(),
            i.attempts
        );
    }
    Ok(())
}

pub fn connect(cx: &mut Context, code: String, yes: bool) -> Outcome {
    cx.unlock()?;
    let seen = cx.call(sharing::preview_service(&cx.app, PreviewServiceRequest { code }))?;
    println!("Service: {}", seen.service_name);
    println!("Address: {}", seen.service_url);
    println!("Fingerprint: {} (matches the invite code)", seen.fingerprint);
    if let Some(organisation) = &seen.organisation {
        println!("Organisation: {organisation} (only people and devices this organisation signs for are trusted)");
    }
    println!("It gets only what you share with it, and only kinds you have said yes to; you can take that back at any time.");
    if let Some(change) = &seen.replaces {
        print_change(change);
    }
    if !yes {
        println!("Nothing is connected yet. Run again with --yes to connect.");
        return Ok(());
    }
    // Moving someone's sharing elsewhere asks for their passphrase again.
    let passphrase = match seen.replaces {
        Some(_) => Some(waymark_core::secret::SecretText::from(cx.secrets.read("WAYMARK_PASSPHRASE", "Passphrase again, to change service")?)),
        None => None,
    };
    let view = cx.call(sharing::connect_service(&cx.app, sharing::ConnectServiceRequest { passphrase }))?;
    let connection = view.connection.expect("connected");
    println!("Connected to {} as device {}.", connection.service_name, connection.device_id);
    print_approval(&connection);
    Ok(())
}

/// What connecting somewhere else would change.
fn print_change(change: &ServiceChangeView) {
    if change.same_organisation {
        println!("This connects again to {}; what you said yes to carries on.", change.current_service);
        return;
    }
    println!("This replaces your connection to {}. Your passphrase is asked for again.", change.current_service);
    for kind in &change.consents_ending {
        println!("- You said yes to sharing {} with {}: that ends.", kind.words(ENGLISH), change.current_service);
    }
    if change.waiting_dropped > 0 {
        println!("- {} thing(s) waiting to go to {} will not be sent.", change.waiting_dropped, change.current_service);
    }
    if change.deletions_dropped > 0 {
        println!("- {} deletion(s) you asked {} for will not be asked again.", change.deletions_dropped, change.current_service);
    }
    println!("Nothing you said yes to is carried to the new service.");
}

/// What the person must do, or know, about this laptop's approval.
fn print_approval(connection: &ConnectionView) {
    match connection.approval {
        ApprovalView::Waiting => println!(
            "Waiting for a worker to approve this laptop. Read them this code: {}\nUntil they do, your plan cannot come to this laptop and what you share waits here (only your workers' laptops can open it, and they must know this laptop is yours).",
            connection.device_code
        ),
        ApprovalView::Revoked => println!("{} has switched this laptop off: nothing more is sent to it.", connection.service_name),
        ApprovalView::Approved | ApprovalView::NoRoster => {}
    }
}

pub fn sync(cx: &mut Context) -> Outcome {
    cx.unlock()?;
    let report = cx.call(sharing::sync(&cx.app))?;
    print_report(&report);
    if let Some(connection) = cx.call(sharing::sharing_overview(&cx.app, Default::default()))?.connection {
        print_approval(&connection);
    }
    Ok(())
}

fn print_report(r: &SyncReport) {
    for (kind, answer) in &r.deletions {
        match answer {
            Ok(n) => println!("The service deleted {n} item(s) of {}; its signed receipt checked out and is kept.", kind.words(ENGLISH)),
            Err(problem) => println!("The service could not be asked to delete {} yet ({problem}).", kind.words(ENGLISH)),
        }
    }
    println!("Sent {}.", r.sent);
    println!("Received {} plan version(s), {} receipt(s) and {} repl{}.", r.plans_added, r.receipts, r.replies, if r.replies == 1 { "y" } else { "ies" });
    for refused in &r.refused {
        println!("Refused {refused}");
    }
    if let Some(version) = r.library_installed {
        println!("Installed library version {version} from {}.", r.service.as_deref().unwrap_or("the service"));
    }
    if r.dropped_no_consent + r.dropped_record_gone > 0 {
        println!("Not sent and taken out: {} (consent ended), {} (deleted).", r.dropped_no_consent, r.dropped_record_gone);
    }
    if r.waiting > 0 {
        println!("{} waiting to try again later.", r.waiting);
    }
    if r.no_reader > 0 {
        println!("{} waiting until someone can read it: this laptop approved, and a laptop approved for a worker you chose.", r.no_reader);
    }
}
