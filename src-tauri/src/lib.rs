//! The Waymark desktop shell: a window over the application layer (`waymark-commands`). It
//! answers the web view's calls by handing each to [`waymark_commands::dispatch`], which holds
//! every command and rule; it has no SQL and no rule of its own. It also hides the window on
//! quick exit, keeps one instance per user, and runs the background pass.
//!
//! The same shell serves both apps: this crate's binary is a person's app (young people and
//! carers), and `src-worker/` builds the worker app with [`run`] and [`Edition::Worker`], its own
//! configuration, window and package. Each binary embeds only its own UI, and each web view gets
//! no shell, file-system or HTTP access: only the commands its capability file lists, which is
//! generated from its edition's list in the application layer ([`window_capability`]).

mod capability;
#[cfg(any(test, feature = "hostile-input"))]
pub mod hostile_input;
#[cfg(test)]
mod thin_shell;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tauri::ipc::{Invoke, InvokeBody, InvokeError};
use tauri::{AppHandle, Manager, Runtime};
pub use capability::window_capability;
pub use waymark_commands::Edition;
use waymark_commands::{AppState, CommandError, CommandResult, Frontend};
use waymark_core::VaultOptions;

/// How often the background pass runs while someone is unlocked.
const SYNC_EVERY: Duration = Duration::from_secs(60);

/// The desktop's part of quick exit: hide the main window.
struct Window<R: Runtime>(AppHandle<R>);

impl<R: Runtime> Frontend for Window<R> {
    fn hide(&self) -> CommandResult<()> {
        match self.0.get_webview_window("main") {
            Some(window) => window.hide().map_err(|_| CommandError::new("window")),
            None => Ok(()),
        }
    }
}

/// Answers every call from the web view through the application layer. Tauri has already
/// refused any command the capability does not allow; a name the layer does not know is left
/// unhandled, so Tauri says so.
fn command_handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    |invoke: Invoke<R>| {
        let name = invoke.message.command().to_string();
        let app = invoke.message.webview().app_handle().clone();
        let edition = app.state::<Arc<AppState>>().edition();
        if !edition.commands().iter().any(|c| c.name == name) {
            return false;
        }
        let request = match invoke.message.payload() {
            InvokeBody::Json(value) => value.clone(),
            InvokeBody::Raw(bytes) => serde_json::from_slice(bytes).unwrap_or(serde_json::Value::Null),
        };
        invoke.resolver.respond_async(async move {
            let state = app.state::<Arc<AppState>>();
            match waymark_commands::dispatch(&state, &name, request).await {
                Some(Ok(answer)) => Ok(answer),
                Some(Err(e)) => Err(InvokeError::from(e)),
                None => Err(InvokeError::from(CommandError::new("internal"))),
            }
        });
        true
    }
}

/// The data folder: `WAYMARK_DATA_DIR` when set (tests, portable use), else the platform's
/// per-user app data folder.
fn data_dir<R: Runtime>(app: &tauri::App<R>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(dir) = std::env::var_os("WAYMARK_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    Ok(app.path().app_data_dir()?)
}

/// Where saved documents go: `WAYMARK_DOCUMENTS_DIR` when set (tests), else the person's
/// Downloads folder, else their home folder.
fn documents_dir<R: Runtime>(app: &tauri::App<R>) -> PathBuf {
    if let Some(dir) = std::env::var_os("WAYMARK_DOCUMENTS_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    app.path().download_dir().or_else(|_| app.path().home_dir()).unwrap_or_else(|_| PathBuf::from("."))
}

/// The application over the vault in `dir`, with this window as its front end.
fn app_state<R: Runtime>(handle: &AppHandle<R>, dir: &Path, options: VaultOptions, documents: PathBuf, edition: Edition) -> CommandResult<Arc<AppState>> {
    Ok(Arc::new(AppState::open_for_window(dir, options, documents, Box::new(Window(handle.clone())))?.for_edition(edition)))
}

/// Runs the background pass (a person's sync, or the worker's refresh) every minute while the app
/// runs; it does nothing while locked.
fn start_background_sync(state: Arc<AppState>) {
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(SYNC_EVERY).await;
            // A failure is kept for the status line; the next pass tries again.
            waymark_commands::background_pass(&state).await;
        }
    });
}

/// Runs the app of `edition` with `context`, which the binary makes (`tauri::generate_context!`)
/// from its own configuration, so each embeds its own UI and capability.
pub fn run(context: tauri::Context<tauri::Wry>, edition: Edition) {
    tauri::Builder::default()
        // One process per user: two would write one vault. A second launch shows the first window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .setup(move |app| {
            let dir = data_dir(app)?;
            let state = app_state(app.handle(), &dir, VaultOptions::system(), documents_dir(app), edition)
                .map_err(|e| format!("could not open the Waymark vault in {}: {e}", dir.display()))?;
            app.manage(state.clone());
            start_background_sync(state);
            Ok(())
        })
        .invoke_handler(command_handler())
        .run(context)
        .expect("error while running Waymark");
}
