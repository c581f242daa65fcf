//! Checks every command makes on what it is sent before the core sees it: lengths (so a huge
//! value is refused before it is copied or hashed) and record ids.

use waymark_core::error::{Field, Problem};
use waymark_core::RecordId;

use crate::error::{CommandError, CommandResult};

pub(crate) const MAX_NAME: usize = 60;
pub(crate) const MAX_PASSPHRASE: usize = 1024;
pub(crate) const MAX_RECOVERY_CODE: usize = 64;
pub(crate) const MAX_RESOURCE_ID: usize = 80;
pub(crate) const MAX_SEARCH: usize = 200;
pub(crate) const MAX_RECIPIENT: usize = 200;
pub(crate) const MAX_INVITE: usize = 2000;
pub(crate) const MAX_QUESTION_ID: usize = 64;
const MAX_ID: usize = 40;

pub(crate) fn check_len(field: Field, value: &str, max: usize) -> CommandResult<()> {
    let actual = value.chars().count();
    if actual > max {
        return Err(waymark_core::Error::TooLong { field, max, actual }.into());
    }
    Ok(())
}

pub(crate) fn record_id(id: &str) -> CommandResult<RecordId> {
    check_len(Field::Id, id, MAX_ID)?;
    Ok(RecordId::parse(id)?)
}

/// Refuses a record id that names a record of another kind.
pub(crate) fn not_a(expected: &'static str) -> CommandError {
    waymark_core::Error::Invalid { field: Field::Record, problem: Problem::NotA { expected } }.into()
}
