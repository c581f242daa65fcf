// Generated from src-tauri/src/ipc.rs by `UPDATE_BINDINGS=1 cargo test -p waymark-app`. Do not edit.

export type IpcError = { code: string, message: string, };
export type Role = "young_person" | "carer";
export type ProfileView = { name: string, role: Role, };
export type SessionView = { name: string, role: Role, };
export type CreatedProfile = { session: SessionView, recovery_code: string, };
export type Audience = "carer" | "young_person";
export type ResourceHitView = { id: string, title: string, summary: string, audience: Audience, reading_minutes: number, };
export type ResourceView = { id: string, title: string, summary: string, audience: Audience, body: string, tags: Array<string>, reading_minutes: number, last_reviewed: string, sources: Array<string>, };
export type StatementKind = "review_preparation" | "worried" | "good_news" | "change_something" | "service_feedback" | "not_safe";
export type StatementStatus = "draft" | "ready" | "shared" | "received" | "read";
export type QuestionView = { id: string, section: string, 
/**
 * "face", "words" or "choice".
 */
kind: string, prompt: string, hint: string | null, choices: Array<string>, };
export type QuestionSetView = { id: string, version: number, title: string, questions: Array<QuestionView>, };
export type AnswerView = { question_id: string, face: number | null, choice: string | null, words: string | null, };
export type StatusChangeView = { status: StatementStatus, 
/**
 * RFC 3339, UTC.
 */
at: string, };
export type StatementView = { id: string, kind: StatementKind, status: StatementStatus, urgent: boolean, answers: Array<AnswerView>, words: string | null, history: Array<StatusChangeView>, updated_at: string, };
export type HelplineView = { name: string, number: string, note: string, };
