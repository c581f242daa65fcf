//! `waymark export | import`: "download all my information" to named files, and restoring it.

use std::path::Path;

use waymark_commands::{export, operator};

use crate::session::show_recovery_code;
use crate::{read_bytes, Context, Failure, Outcome};

/// Exports hold everything a person wrote: make them readable by their owner only.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path).map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
    f.write_all(bytes).map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
    Ok(())
}

/// The same export the app saves, written where the command line says.
pub fn export(cx: &mut Context, out: &Path, html: Option<&Path>) -> Outcome {
    cx.unlock()?;
    let files = export::export_files(&cx.app)?;
    write_private(out, &files.json)?;
    if let Some(h) = html {
        write_private(h, files.html.as_bytes())?;
    }
    println!("Wrote {} records to {}.", files.export.records.len(), out.display());
    if !files.export.damaged.is_empty() {
        eprintln!("warning: {} damaged records could not be included", files.export.damaged.len());
    }
    Ok(())
}

/// Restores an export (the JSON, or a locked copy saved in the app, which opens with the
/// passphrase it was saved with; the restored profile then opens with it too).
pub fn import(cx: &mut Context, file: &Path, name: Option<&str>) -> Outcome {
    let bytes = zeroize::Zeroizing::new(read_bytes(file)?);
    let passphrase = cx.secrets.passphrase("WAYMARK_PASSPHRASE", "Passphrase for the new profile")?;
    let (name, records, code) = operator::import(&cx.app, &bytes, name, &passphrase)?;
    println!("Restored profile '{name}' with {records} records.");
    show_recovery_code(code.display().as_str());
    Ok(())
}
