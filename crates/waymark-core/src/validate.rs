//! Size and shape checks shared by every way data comes in (the app, the CLI, imports).
//! A check that fails names the field and the problem; the catalogue says what would be accepted.

use crate::error::{Error, Field, Problem, Result};

/// Short labels: names, titles, owners.
pub const SHORT_TEXT: usize = 200;
/// Longer writing: answers, notes, policy sections.
pub const LONG_TEXT: usize = 20_000;
/// A resource article body.
pub const ARTICLE_TEXT: usize = 200_000;
/// Items in one list (answers, goals, tags...).
pub const LIST_ITEMS: usize = 500;

/// Shortens text for use inside an error message.
pub fn clip(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

pub fn text(field: Field, value: &str, max: usize) -> Result<()> {
    let n = value.chars().count();
    if n > max {
        return Err(Error::TooLong { field, max, actual: n });
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        return Err(Error::invalid(field, Problem::ControlCharacters));
    }
    Ok(())
}

pub fn required_text(field: Field, value: &str, max: usize) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, Problem::Empty));
    }
    text(field, value, max)
}

pub fn optional_text(field: Field, value: &Option<String>, max: usize) -> Result<()> {
    match value {
        Some(v) => text(field, v, max),
        None => Ok(()),
    }
}

pub fn list_len<T>(field: Field, list: &[T]) -> Result<()> {
    if list.len() > LIST_ITEMS {
        return Err(Error::invalid(field, Problem::TooManyItems { max: LIST_ITEMS }));
    }
    Ok(())
}

/// A calendar date written `YYYY-MM-DD`.
pub fn date(field: Field, value: &str) -> Result<()> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(value, &fmt)
        .map(|_| ())
        .map_err(|_| Error::invalid(field, Problem::NotADate { given: clip(value) }))
}

pub fn optional_date(field: Field, value: &Option<String>) -> Result<()> {
    match value {
        Some(v) => date(field, v),
        None => Ok(()),
    }
}
