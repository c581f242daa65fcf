// Generated from src-tauri/src/ipc.rs by `UPDATE_BINDINGS=1 cargo test -p waymark-app`. Do not edit.

export type IpcError = { code: string, message: string, };
export type RoleName = "young_person" | "carer";
export type ProfileView = { name: string, role: RoleName, };
export type SessionView = { name: string, role: RoleName, };
export type CreatedProfile = { session: SessionView, recovery_code: string, };
export type AudienceName = "carer" | "young_person";
export type ResourceHitView = { id: string, title: string, summary: string, audience: AudienceName, reading_minutes: number, };
export type ResourceView = { id: string, title: string, summary: string, audience: AudienceName, body: string, tags: Array<string>, reading_minutes: number, last_reviewed: string, sources: Array<string>, };
export type StatementKindName = "review_preparation" | "worried" | "good_news" | "change_something" | "service_feedback" | "not_safe";
export type StatementStatusName = "draft" | "ready" | "shared" | "received" | "read";
export type QuestionView = { id: string, section: string, 
/**
 * "face", "words" or "choice".
 */
kind: string, prompt: string, hint: string | null, choices: Array<string>, };
export type QuestionSetView = { id: string, version: number, title: string, questions: Array<QuestionView>, };
export type AnswerView = { question_id: string, face: number | null, choice: string | null, words: string | null, };
export type StatusChangeView = { status: StatementStatusName, 
/**
 * RFC 3339, UTC.
 */
at: string, };
export type StatementView = { id: string, kind: StatementKindName, status: StatementStatusName, urgent: boolean, answers: Array<AnswerView>, words: string | null, history: Array<StatusChangeView>, updated_at: string, };
export type HelplineView = { name: string, number: string, note: string, };
