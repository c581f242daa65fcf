// Generated from src-tauri/src/ipc.rs by `UPDATE_BINDINGS=1 cargo test -p waymark-app`. Do not edit.

export type IpcError = { code: string, message: string, };
export type RoleName = "young_person" | "carer";
export type ProfileView = { name: string, role: RoleName, };
export type SessionView = { name: string, role: RoleName, };
export type CreatedProfile = { session: SessionView, recovery_code: string, };
export type AudienceName = "carer" | "young_person";
export type ResourceHitView = { id: string, title: string, summary: string, audience: AudienceName, reading_minutes: number, };
export type ResourceView = { id: string, title: string, summary: string, audience: AudienceName, body: string, tags: Array<string>, reading_minutes: number, last_reviewed: string, sources: Array<string>, };
