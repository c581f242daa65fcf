//! `waymark profile …`: the session commands of the application layer.

use clap::Subcommand;
use waymark_commands::session::{
    self, ChangePassphraseRequest, CreateProfileRequest, DeleteProfileRequest, RecoverRequest, UnlockRequest,
};
use waymark_core::Role;

use crate::{Context, Failure, Outcome};

#[derive(Subcommand)]
pub enum ProfileCommand {
    /// Create a profile. Reads the passphrase from WAYMARK_PASSPHRASE or standard input, and
    /// prints the recovery code once.
    Create {
        #[arg(long)]
        name: String,
        /// young_person or carer
        #[arg(long)]
        role: String,
    },
    /// List profiles (names and roles only; works while locked).
    List,
    /// Check a passphrase opens a profile.
    Unlock,
    /// Change the passphrase: current one from WAYMARK_PASSPHRASE (or the first line of standard
    /// input), new one from WAYMARK_NEW_PASSPHRASE (or the next line). Every record is sealed
    /// again under a new key, so the old recovery code stops working: prints a new one.
    Passphrase,
    /// Use the recovery code (WAYMARK_RECOVERY_CODE or first line) to set a new passphrase
    /// (WAYMARK_NEW_PASSPHRASE or next line). Prints a new recovery code.
    Recover,
    /// After Waymark found something in its folder changed: keep everything that still opens.
    /// If consent could not be proved, every yes to sharing is withdrawn.
    KeepWhatOpens,
    /// Delete a profile and everything in it, for good.
    Delete {
        /// Confirms you mean it.
        #[arg(long)]
        yes: bool,
    },
}

pub(crate) fn show_recovery_code(code: &str) {
    println!("Recovery code (write it down and keep it safe; it is shown only once):");
    println!("  {code}");
}

pub fn run(cx: &mut Context, cmd: ProfileCommand) -> Outcome {
    match cmd {
        ProfileCommand::Create { name, role } => {
            let role = Role::parse(&role)?;
            let passphrase = waymark_core::secret::SecretText::from(cx.secrets.read("WAYMARK_PASSPHRASE", "New passphrase")?);
            let made = cx.call(session::create_profile(&cx.app, CreateProfileRequest { name, role, passphrase }))?;
            println!("Created profile '{}' ({}).", made.session.name, made.session.role.as_str());
            show_recovery_code(made.recovery_code.expose());
        }
        ProfileCommand::List => {
            let all = cx.call(session::list_profiles(&cx.app, Default::default()))?;
            if all.is_empty() {
                println!("No profiles yet.");
            }
            for p in all {
                println!("{}  ({})", p.name, p.role.as_str());
            }
        }
        ProfileCommand::Unlock => {
            let s = cx.unlock()?;
            println!("Unlocked '{}' ({}).", s.name, s.role.as_str());
        }
        ProfileCommand::Passphrase => {
            let name = cx.profile_name()?;
            let current = waymark_core::secret::SecretText::from(cx.secrets.read("WAYMARK_PASSPHRASE", "Current passphrase")?);
            let s = cx.call(session::unlock(&cx.app, UnlockRequest { name, passphrase: current.expose().into() }))?;
            let new_passphrase = waymark_core::secret::SecretText::from(cx.secrets.read("WAYMARK_NEW_PASSPHRASE", "New passphrase")?);
            let made = cx.call(session::change_passphrase(&cx.app, ChangePassphraseRequest { current, new_passphrase }))?;
            println!("Passphrase changed for '{}'. Every record was sealed again under a new key,", s.name);
            println!("so the old passphrase opens nothing, and your old recovery code no longer works.");
            show_recovery_code(made.recovery_code.expose());
        }
        ProfileCommand::Recover => {
            let name = cx.profile_name()?;
            let recovery_code = waymark_core::secret::SecretText::from(cx.secrets.read("WAYMARK_RECOVERY_CODE", "Recovery code")?);
            let passphrase = waymark_core::secret::SecretText::from(cx.secrets.read("WAYMARK_NEW_PASSPHRASE", "New passphrase")?);
            let made = cx.call(session::recover(&cx.app, RecoverRequest { name, recovery_code, passphrase }))?;
            println!("Recovered '{}' and set a new passphrase.", made.session.name);
            println!("Your old recovery code no longer works.");
            show_recovery_code(made.recovery_code.expose());
        }
        ProfileCommand::KeepWhatOpens => {
            cx.unlock()?;
            let s = cx.call(session::keep_what_opens(&cx.app, Default::default()))?;
            println!("Kept everything that opens in '{}'. Waymark checks it from here on.", s.name);
        }
        ProfileCommand::Delete { yes } => {
            if !yes {
                return Err(Failure::Usage("this deletes the profile and everything in it for good; add --yes if you mean it".into()));
            }
            let s = cx.unlock()?;
            cx.call(session::delete_profile(&cx.app, DeleteProfileRequest { confirm_name: s.name.clone() }))?;
            println!("Deleted profile '{}' and everything in it.", s.name);
        }
    }
    Ok(())
}

