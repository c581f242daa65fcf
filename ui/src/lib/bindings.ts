// Generated from src-tauri/src/ipc.rs by `UPDATE_BINDINGS=1 cargo test -p waymark-app`. Do not edit.

export type IpcError = { code: string, message: string, };
export type RoleName = "young_person" | "carer";
export type ProfileView = { name: string, role: RoleName, };
export type SessionView = { name: string, role: RoleName, };
export type CreatedProfile = { session: SessionView, recovery_code: string, };
