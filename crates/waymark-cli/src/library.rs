//! `waymark library …`: install, build, search, read and mark the guidance library.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use waymark_commands::library::{self, GetResourceRequest, MarkResourceRequest, SearchLibraryRequest};
use waymark_commands::operator;
use waymark_core::domain::library::LibraryBundle;
use waymark_core::Language;

use crate::{read_file, Context, Failure, Outcome};

#[derive(Subcommand)]
pub enum LibraryCommand {
    /// Install a library bundle (JSON) if it is newer than the installed one. A library your
    /// service published is kept: only it, or `reset`, replaces it.
    Install { file: PathBuf },
    /// Say where the installed pages come from: built into Waymark, a file, or your service.
    Source,
    /// Put back the pages built into Waymark. Your service's library, if it publishes one,
    /// comes back on the next `waymark sync`.
    Reset,
    /// Build a bundle from a folder of Markdown items (see content/README.md). Needs no vault.
    Build {
        dir: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        bundle_version: u32,
    },
    /// Full-text search.
    Search { query: String },
    /// Print one resource.
    Show { id: String },
    /// Bookmark a resource, or mark it read.
    Mark {
        id: String,
        #[arg(long)]
        bookmark: bool,
        #[arg(long)]
        unbookmark: bool,
        #[arg(long)]
        read: bool,
    },
}

/// Builds a bundle from Markdown: content tooling, with no vault and no session.
pub fn build(dir: &Path, out: &Path, bundle_version: u32) -> Outcome {
    let bundle = waymark_core::domain::library::build_bundle(dir, bundle_version)?;
    let json = serde_json::to_string_pretty(&bundle).expect("bundle serialises") + "\n";
    std::fs::write(out, json).map_err(|e| Failure::Usage(format!("cannot write {}: {e}", out.display())))?;
    println!("Built library version {} with {} items into {}.", bundle_version, bundle.items.len(), out.display());
    Ok(())
}

pub fn run(cx: &mut Context, cmd: LibraryCommand) -> Outcome {
    match cmd {
        LibraryCommand::Install { file } => {
            let bundle = LibraryBundle::parse(read_file(&file)?.as_bytes())?;
            if operator::install_library(&cx.app, &bundle)? {
                println!("Installed library version {} ({} items).", bundle.bundle_version, bundle.items.len());
            } else {
                println!(
                    "Kept the installed library (version {}); this bundle is version {}.",
                    operator::library_version(&cx.app)?.unwrap_or(0),
                    bundle.bundle_version
                );
            }
        }
        LibraryCommand::Source => say_source(&cx.call(library::library_source(&cx.app, Default::default()))?),
        LibraryCommand::Reset => {
            let v = cx.call(library::reset_library(&cx.app, Default::default()))?;
            println!("Put back the pages built into Waymark.");
            say_source(&v);
        }
        LibraryCommand::Build { dir, out, bundle_version } => build(&dir, &out, bundle_version)?,
        LibraryCommand::Search { query } => {
            let hits = cx.call(library::search_library(&cx.app, SearchLibraryRequest { query: query.clone(), language: Language::EnGb }))?;
            if hits.is_empty() {
                println!("Nothing found for '{query}'.");
            }
            for h in hits.iter().take(20) {
                println!("{:<36} {} ({} min read)", h.id, h.title, h.reading_minutes);
            }
        }
        LibraryCommand::Show { id } => {
            let r = cx.call(library::get_resource(&cx.app, GetResourceRequest { id, language: Language::EnGb }))?;
            println!("# {}\n\n{}\n\n{}", r.title, r.summary, r.body);
            if !r.sources.is_empty() {
                println!("\nDraws on: {}", r.sources.join("; "));
            }
            println!("Last reviewed: {}", r.last_reviewed);
        }
        LibraryCommand::Mark { id, bookmark, unbookmark, read } => {
            let bookmarked = match (bookmark, unbookmark) {
                (true, true) => return Err(Failure::Usage("choose one of --bookmark and --unbookmark".into())),
                (true, false) => Some(true),
                (false, true) => Some(false),
                (false, false) => None,
            };
            if bookmarked.is_none() && !read {
                return Err(Failure::Usage("say what to mark: --bookmark, --unbookmark or --read".into()));
            }
            cx.unlock()?;
            let read = read.then_some(true);
            let mark = cx.call(library::mark_resource(&cx.app, MarkResourceRequest { id, bookmarked, read }))?;
            println!(
                "Marked '{}'{}{}.",
                mark.resource_id,
                if mark.bookmarked { " [bookmarked]" } else { "" },
                if mark.read { " [read]" } else { "" }
            );
        }
    }
    Ok(())
}

fn say_source(v: &waymark_commands::views::LibrarySourceView) {
    use waymark_commands::views::LibrarySourceKind;
    match v.source {
        LibrarySourceKind::Builtin => println!("The pages are the ones built into Waymark (version {}).", v.version),
        LibrarySourceKind::Local => println!("The pages were installed from a file on this laptop (version {}).", v.version),
        LibrarySourceKind::Published => println!(
            "The pages were published by your service (version {}). They are used until {}, then the built-in pages come back.",
            v.version,
            v.expires_at.as_deref().unwrap_or("?")
        ),
    }
}
