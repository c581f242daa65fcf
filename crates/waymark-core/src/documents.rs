//! Saving a document a person asked for (their export, their policy, their learning log, their
//! recovery code) as a file only they can read. It never replaces an existing file: a person's
//! earlier download must not vanish because they asked again.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Field, Problem, Result};

/// Writes `bytes` to a new file in `dir` named from `stem` and `extension`, adding " (2)",
/// " (3)"… when the name is taken. The file is readable by its owner only. Returns its path.
pub fn save_private_document(dir: &Path, stem: &str, extension: &str, bytes: &[u8]) -> Result<PathBuf> {
    let safe: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' || c == '_' { c } else { '-' })
        .collect::<String>()
        .trim()
        .chars()
        .take(80)
        .collect();
    if !safe.chars().any(char::is_alphanumeric)
        || extension.is_empty()
        || !extension.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return Err(Error::invalid(Field::FileName, Problem::NeedsLetters));
    }
    std::fs::create_dir_all(dir)?;
    for n in 1..1000 {
        let name = if n == 1 { format!("{safe}.{extension}") } else { format!("{safe} ({n}).{extension}") };
        let path = dir.join(name);
        match open_new_private(&path) {
            Ok(mut f) => {
                f.write_all(bytes)?;
                f.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(Error::invalid(Field::FileName, Problem::TooManyFiles { given: safe }))
}

/// Creates a file that did not exist, readable and writable by its owner only.
pub fn open_new_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_and_keeps_names_safe() {
        let dir = tempfile::tempdir().unwrap();
        let a = save_private_document(dir.path(), "Policy: Oak/House", "html", b"one").unwrap();
        let b = save_private_document(dir.path(), "Policy: Oak/House", "html", b"two").unwrap();
        assert_eq!(a.file_name().unwrap(), "Policy- Oak-House.html");
        assert_eq!(b.file_name().unwrap(), "Policy- Oak-House (2).html");
        assert_eq!(std::fs::read(&a).unwrap(), b"one");
        assert_eq!(std::fs::read(&b).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&a).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert!(save_private_document(dir.path(), "../../notes", "html", b"x").unwrap().starts_with(dir.path()));
        assert!(save_private_document(dir.path(), "///", "html", b"x").is_err());
        assert!(save_private_document(dir.path(), "notes", "", b"x").is_err());
    }
}
