//! The service's HTTP API (version 1): the JSON bodies both sides send, in one place, so the
//! app and the service cannot drift apart. Paths: `GET /v1/service`, `POST /v1/enrol`,
//! `POST /v1/envelopes` (signed), `GET /v1/mailbox?after=N` (signed). Errors are [`ErrorBody`].

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::keys::PublicKeys;

pub const API_VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct ServiceInfo {
    pub api_version: u32,
    pub name: String,
    pub keys: PublicKeys,
    pub fingerprint: String,
}

#[derive(Serialize, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct EnrolRequest {
    pub invite_token: String,
    pub keys: PublicKeys,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct EnrolResponse {
    pub device_id: Uuid,
    pub service_name: String,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct UploadResponse {
    /// `new`, or `already_here` for a resend.
    pub stored: String,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct MailboxResponse {
    pub items: Vec<MailboxItem>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct MailboxItem {
    pub seq: i64,
    pub body: String,
}

