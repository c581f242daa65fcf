//! The service's HTTP API (version 1). Every route but `GET /v1/service` and `POST /v1/enrol` is
//! signed by an enrolled device (see `waymark_sync::request`); a device reaches only its own
//! mailbox and can only upload envelopes that name it as the sender. Bodies have a size limit and
//! every decision is written to the audit log. Handlers never log or echo a body.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use uuid::Uuid;
use waymark_core::Clock;
use waymark_sync::api::{
    AlertAck, AlertView, AlertsResponse, BatchUploadResponse, EnrolRequest, EnrolResponse, EnvelopeBatch, ErrorBody, MailboxItem, MailboxResponse, ServiceInfo, UploadResponse, API_VERSION,
    BATCH_FORMAT, MAILBOX_PAGE, MAX_BATCH, MAX_BATCH_BODY, MAX_WORKER_MAIL, WORKER_MAIL_FORMAT, WorkerMailBatch, WorkerMailResponse, ReaderRemoval, ReaderRemovalResponse, MAX_READER_REMOVALS, READER_REMOVAL_FORMAT,
};
use waymark_sync::deletion::{DeletionFacts, DeletionReceipt, DeletionRequest, ReceiptSigner, DELETION_FORMAT, MAX_RECORDS};
use waymark_sync::envelope::Envelope;
use waymark_sync::invite::Invite;
use waymark_sync::keys::PublicKeys;
use waymark_sync::roster::{ROSTER_FORMAT, ROSTER_PAGE};
use waymark_sync::request::{verify_request, HEADER_DEVICE, HEADER_SIGNATURE, HEADER_TIME};
use waymark_sync::SyncError;

use crate::error::{Result, ServiceError};
use crate::limits::{client_of, Limiter, Rate, BAD_SIGNATURES, ENROL, PER_DEVICE};
use crate::roster_view::RosterView;
use crate::store::{Device, NewEnvelope, ServiceStore, Stored};

/// The largest request body accepted: a sealed record is at most 128 KiB of plaintext, and
/// base64 adds a third.
pub const MAX_BODY: usize = 192 * 1024;

pub struct ServiceState<S> {
    pub store: S,
    pub name: String,
    pub public: PublicKeys,
    pub clock: Arc<dyn Clock>,
    pub limits: Limiter,
    /// How many signed calls one device may make; [`PER_DEVICE`] unless changed (the sync
    /// benchmark lifts it to measure the work of a 100,000-record catch-up, not the limit).
    pub per_device: Rate,
    pub receipts: ReceiptSigner,
    /// The roster as this service reads it, to refuse laptops the organisation revoked.
    pub roster: RosterView,
}

impl<S> ServiceState<S> {
    pub fn new(store: S, name: String, public: PublicKeys, clock: Arc<dyn Clock>, receipts: ReceiptSigner) -> Self {
        ServiceState { store, name, public, clock, limits: Limiter::default(), per_device: PER_DEVICE, receipts, roster: RosterView::default() }
    }
}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        let body = Json(ErrorBody { code: self.code().to_string(), message: self.to_string() });
        let mut response = (self.status(), body).into_response();
        if let ServiceError::TooMany(seconds) = self {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

#[derive(Deserialize)]
struct MailboxQuery {
    #[serde(default)]
    after: i64,
}

/// The API's description, checked into the repository and served as it is.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Every route, with its method, as the router serves them (a test holds the document to this).
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/v1/service"),
    ("get", "/v1/openapi.json"),
    ("post", "/v1/enrol"),
    ("post", "/v1/envelopes"),
    ("post", "/v1/envelope-batches"),
    ("get", "/v1/mailbox"),
    ("post", "/v1/mailbox-acks"),
    ("post", "/v1/deletions"),
    ("get", "/v1/resources"),
    ("post", "/v1/resources"),
    ("get", "/v1/roster"),
    ("get", "/v1/alerts"),
    ("get", "/v1/shared"),
    ("post", "/v1/worker-mail"),
    ("post", "/v1/reader-removals"),
    ("post", "/v1/alert-acks"),
    ("get", "/v1/team-alerts"),
    ("post", "/v1/roster-links"),
    ("post", "/v1/invites"),
    ("get", "/v1/enrolments"),
    ("post", "/v1/audit"),
    ("get", "/v1/audit"),
];

pub fn router<S: ServiceStore>(state: Arc<ServiceState<S>>) -> Router {
    Router::new()
        .route("/v1/service", get(service_info::<S>))
        .route("/v1/openapi.json", get(|| async { ([(axum::http::header::CONTENT_TYPE, "application/json")], OPENAPI) }))
        .route("/v1/enrol", post(enrol::<S>))
        .route("/v1/envelopes", post(upload::<S>))
        // Its own, larger limit; every other route keeps the small one below.
        .route("/v1/envelope-batches", post(upload_batch::<S>).layer(DefaultBodyLimit::max(MAX_BATCH_BODY)))
        .route("/v1/mailbox", get(mailbox::<S>))
        .route("/v1/mailbox-acks", post(ack_mail::<S>))
        .route("/v1/deletions", post(delete::<S>))
        // Publishing takes the whole library: its own, larger limit.
        .route("/v1/resources", get(resources::<S>).post(publish_library::<S>).layer(DefaultBodyLimit::max(waymark_sync::api::MAX_LIBRARY_BODY)))
        .route("/v1/roster", get(roster::<S>))
        .route("/v1/alerts", get(alerts::<S>))
        .route("/v1/shared", get(shared::<S>))
        .route("/v1/worker-mail", post(worker_mail::<S>))
        .route("/v1/reader-removals", post(remove_readers::<S>))
        .route("/v1/alert-acks", post(acknowledge_alert::<S>))
        .route("/v1/team-alerts", get(team_alerts::<S>))
        .route("/v1/roster-links", post(add_roster_link::<S>))
        .route("/v1/invites", post(register_invite::<S>))
        .route("/v1/enrolments", get(enrolments::<S>))
        .route("/v1/audit", post(add_audit::<S>).get(read_audit::<S>))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(crate::limits::tag_client))
        .with_state(state)
}

fn body_bytes(body: std::result::Result<Bytes, BytesRejection>) -> Result<Bytes> {
    body_bytes_within(body, MAX_BODY)
}

fn body_bytes_within(body: std::result::Result<Bytes, BytesRejection>, limit: usize) -> Result<Bytes> {
    body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ServiceError::TooLarge(limit),
        _ => ServiceError::BadRequest("the request body could not be read".into()),
    })
}

fn parse_json<T: serde::de::DeserializeOwned>(what: &str, body: &[u8]) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| {
        // serde quotes what it did not expect; a value sent to be echoed goes back cut short.
        let said = e.to_string();
        let said: String = if said.chars().count() > 160 { said.chars().take(160).chain("…".chars()).collect() } else { said };
        ServiceError::BadRequest(format!("the {what} is not valid: {said}"))
    })
}

async fn service_info<S: ServiceStore>(State(state): State<Arc<ServiceState<S>>>) -> Result<Json<ServiceInfo>> {
    Ok(Json(ServiceInfo {
        api_version: API_VERSION,
        name: state.name.clone(),
        keys: state.public.clone(),
        fingerprint: state.public.fingerprint()?,
    }))
}

async fn enrol<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<EnrolResponse>)> {
    let now = state.clock.now().0;
    state.limits.take(&format!("enrol:{}", client_of(&headers)), ENROL, now)?;
    let outcome = async {
        let request: EnrolRequest = parse_json("enrolment", &body_bytes(body)?)?;
        request.keys.validate()?;
        let token_hash = Invite::token_hash(&request.invite_token)?;
        let device = Device {
            id: Uuid::new_v4(),
            person_id: None,
            person_name: String::new(),
            role: String::new(),
            signing_key: request.keys.signing,
            receiving_key: request.keys.receiving,
            enrolled_at: now,
        };
        state.store.redeem_invite(token_hash, device, now).await
    }
    .await;
    match outcome {
        Ok(device) => {
            state.store.audit(now, Some(device.id), "enrol", "enrolled".into()).await?;
            Ok((StatusCode::CREATED, Json(EnrolResponse { device_id: device.id, service_name: state.name.clone() })))
        }
        Err(e) => {
            state.store.audit(now, None, "enrol", format!("refused: {}", e.code())).await?;
            Err(e)
        }
    }
}

/// Checks the request is signed by an enrolled device, and returns that device.
async fn authenticate<S: ServiceStore>(
    state: &ServiceState<S>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Device> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).ok_or(ServiceError::Unauthenticated);
    let device_text = header(HEADER_DEVICE)?;
    let device_id = Uuid::parse_str(device_text).map_err(|_| ServiceError::Unauthenticated)?;
    let time: i64 = header(HEADER_TIME)?.parse().map_err(|_| ServiceError::Unauthenticated)?;
    let signature = header(HEADER_SIGNATURE)?;
    let now = state.clock.now().0;
    // While bad signatures arrive from this address faster than the limit, its guessing gets
    // nowhere; other addresses are not held up.
    let bad_signatures = format!("bad-signatures:{}", client_of(headers));
    if state.limits.exhausted(&bad_signatures, BAD_SIGNATURES, now) {
        return Err(ServiceError::TooMany(60));
    }
    let Some(device) = state.store.device(device_id).await? else {
        let _ = state.limits.take(&bad_signatures, BAD_SIGNATURES, now);
        state.store.audit(now, None, "authenticate", "refused: unknown device".into()).await?;
        return Err(ServiceError::Unauthenticated);
    };
    let keys = PublicKeys { signing: device.signing_key.clone(), receiving: device.receiving_key.clone() };
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or(uri.path());
    if let Err(e) = verify_request(&keys, device_text, method.as_str(), path, time, body, signature, now) {
        let _ = state.limits.take(&bad_signatures, BAD_SIGNATURES, now);
        state.store.audit(now, Some(device_id), "authenticate", format!("refused: {}", e.code())).await?;
        return Err(match e {
            SyncError::BadSignature => ServiceError::Unauthenticated,
            other => ServiceError::BadRequest(other.to_string()),
        });
    }
    state.limits.take(&format!("device:{device_id}"), state.per_device, now)?;
    Ok(device)
}

/// [`authenticate`], and refuses a device the organisation's roster revoked. Every signed route
/// but the roster's own uses this: a revoked laptop may still read the roster, so it can tell its
/// person it was switched off.
async fn authenticate_active<S: ServiceStore>(
    state: &ServiceState<S>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Device> {
    let device = authenticate(state, method, uri, headers, body).await?;
    let now = state.clock.now().0;
    if state.roster.revoked(&state.store, device.id, now).await? {
        state.store.audit(now, Some(device.id), "authenticate", "refused: revoked".into()).await?;
        return Err(ServiceError::Forbidden("the organisation has switched this laptop off: nothing more is taken from it or sent to it".into()));
    }
    Ok(device)
}

/// Checks an envelope a device sent (its shape, and that it names that device as its sender)
/// and makes the row to keep, in canonical JSON.
fn to_keep(envelope: &Envelope, device: &Device) -> Result<NewEnvelope> {
    envelope.check_shape()?;
    if envelope.header.device_id != device.id {
        return Err(ServiceError::Forbidden("an envelope must name the device that sends it".into()));
    }
    // Devices that joined through the roster always sign; only apps from before may not. The
    // signature itself is checked by whoever reads the envelope, against the key the roster
    // certified: checking it here too would cost a verification per envelope and protect no one,
    // since the request's own signature already says which device uploaded it.
    if envelope.sender_signature.is_none() && device.person_id.is_some() {
        return Err(ServiceError::Forbidden("an envelope must be signed by the device that sends it".into()));
    }
    // What a roster-era device shares is for its workers' laptops, never for a key on this
    // server; something sealed to this server's key from one is a bug or an old app, and is not
    // kept where nobody it was meant for could read it.
    if device.person_id.is_some() && envelope.format != waymark_sync::envelope::READERS_FORMAT {
        return Err(ServiceError::Forbidden("what a person shares must be sealed to their workers' laptops; update the app".into()));
    }
    Ok(NewEnvelope {
        envelope_id: envelope.header.envelope_id,
        record_kind: envelope.header.record_kind.clone(),
        body: serde_json::to_string(envelope).expect("an envelope serialises"),
        readers: envelope.readers(),
    })
}

async fn upload<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<UploadResponse>)> {
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    let outcome = async {
        let envelope: Envelope = parse_json("envelope", &body)?;
        let keep = to_keep(&envelope, &device)?;
        let stored = state.store.put_envelopes(device.id, vec![keep], now).await?[0];
        raise_alerts(&state, device.id, [&envelope], now).await?;
        Ok::<_, ServiceError>(stored)
    }
    .await;
    match outcome {
        Ok(stored) => {
            let status = if stored == Stored::New { StatusCode::CREATED } else { StatusCode::OK };
            state.store.audit(now, Some(device.id), "upload", stored.as_str().into()).await?;
            Ok((status, Json(UploadResponse { stored: stored.as_str().into() })))
        }
        Err(e) => {
            state.store.audit(now, Some(device.id), "upload", format!("refused: {}", e.code())).await?;
            Err(e)
        }
    }
}

/// Many envelopes from one device at once (catching up after time offline): all checked first,
/// then kept in one transaction, each once per envelope id. Anything wrong refuses the batch.
async fn upload_batch<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<BatchUploadResponse>)> {
    let body = body_bytes_within(body, MAX_BATCH_BODY)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    let outcome = async {
        let batch: EnvelopeBatch = parse_json("batch", &body)?;
        if batch.format != BATCH_FORMAT {
            return Err(ServiceError::BadRequest(format!("batch format {} is not supported (this service reads {BATCH_FORMAT})", batch.format)));
        }
        if batch.envelopes.is_empty() || batch.envelopes.len() > MAX_BATCH {
            return Err(ServiceError::BadRequest(format!("a batch carries 1 to {MAX_BATCH} envelopes")));
        }
        let keep = batch.envelopes.iter().map(|e| to_keep(e, &device)).collect::<Result<Vec<_>>>()?;
        let stored = state.store.put_envelopes(device.id, keep, now).await?;
        raise_alerts(&state, device.id, &batch.envelopes, now).await?;
        Ok(stored)
    }
    .await;
    match outcome {
        Ok(stored) => {
            let new = stored.iter().filter(|s| **s == Stored::New).count();
            state.store.audit(now, Some(device.id), "upload", format!("batch: {new} new, {} already here", stored.len() - new)).await?;
            let words = stored.iter().map(|s| s.as_str().to_string()).collect();
            Ok((if new > 0 { StatusCode::CREATED } else { StatusCode::OK }, Json(BatchUploadResponse { stored: words })))
        }
        Err(e) => {
            state.store.audit(now, Some(device.id), "upload", format!("refused batch: {}", e.code())).await?;
            Err(e)
        }
    }
}

async fn mailbox<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    query: std::result::Result<Query<MailboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<MailboxResponse>> {
    let device = authenticate_active(&state, &method, &uri, &headers, &[]).await?;
    let Query(query) = query.map_err(|_| ServiceError::BadRequest("`after` must be a whole number".into()))?;
    if query.after < 0 {
        return Err(ServiceError::BadRequest("`after` must be 0 or more".into()));
    }
    let items = state.store.mailbox(device.id, query.after, MAILBOX_PAGE).await?;
    state.store.audit(state.clock.now().0, Some(device.id), "mailbox", format!("{} items", items.len())).await?;
    Ok(Json(MailboxResponse { items: items.into_iter().map(|m| MailboxItem { seq: m.seq, body: m.body }).collect() }))
}

/// Deletes the mailbox items this device says it has taken (only its own).
async fn ack_mail<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Json<waymark_sync::api::MailAcked>> {
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let acks: waymark_sync::api::MailAcks = parse_json("mailbox acknowledgement", &body)?;
    if acks.format != waymark_sync::api::MAIL_ACKS_FORMAT {
        return Err(SyncError::UnsupportedVersion { what: "mail_acks", found: acks.format, supported: waymark_sync::api::MAIL_ACKS_FORMAT }.into());
    }
    if acks.seqs.len() > waymark_sync::api::MAILBOX_PAGE as usize * 2 {
        return Err(ServiceError::BadRequest(format!("at most {} items in one acknowledgement", waymark_sync::api::MAILBOX_PAGE * 2)));
    }
    let deleted = state.store.ack_mail(device.id, acks.seqs).await?;
    state.store.audit(state.clock.now().0, Some(device.id), "mail_acks", format!("{deleted} items")).await?;
    Ok(Json(waymark_sync::api::MailAcked { deleted }))
}

/// Deletes what this device sent of a kind, at once, and answers with a signed receipt.
async fn delete<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Json<DeletionReceipt>> {
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    let request: DeletionRequest = parse_json("deletion request", &body)?;
    if request.format != DELETION_FORMAT {
        return Err(SyncError::UnsupportedVersion { what: "deletion_request", found: request.format, supported: DELETION_FORMAT }.into());
    }
    waymark_sync::envelope::check_record_kind(&request.record_kind)?;
    if request.record_ids.len() > MAX_RECORDS {
        return Err(ServiceError::BadRequest(format!("at most {MAX_RECORDS} records in one request")));
    }
    let deleted = state.store.delete_envelopes(device.id, request.record_kind.clone(), request.record_ids.clone()).await?;
    state.store.audit(now, Some(device.id), "delete", format!("{deleted} {}", request.record_kind)).await?;
    Ok(Json(state.receipts.sign(DeletionFacts {
        request_id: request.request_id,
        device_id: device.id,
        record_kind: request.record_kind,
        record_ids: request.record_ids,
        deleted,
        at: now,
    })))
}

/// Raises an alert at once for each urgent envelope just stored (or stored before: see below).
async fn raise_alerts<'a, S: ServiceStore>(
    state: &ServiceState<S>,
    sender: Uuid,
    kept: impl IntoIterator<Item = &'a Envelope>,
    now: i64,
) -> Result<()> {
    // A resend is raised too: the first attempt may have stored the envelope and then failed
    // before its alert was kept. `raise_alert` keeps one alert per envelope, so this is safe.
    let urgent: Vec<&Envelope> = kept.into_iter().filter(|e| e.header.urgent).collect();
    if urgent.is_empty() {
        return Ok(());
    }
    let roster = state.roster.read(&state.store, now, |r| r.cloned()).await?;
    for envelope in urgent {
        crate::urgent::raise(&state.store, roster.as_ref(), envelope, sender, now).await?;
    }
    Ok(())
}

/// The roster id of the worker whose approved laptop this is, or a refusal: alerts and what was
/// shared with workers are only for workers' laptops the organisation certified.
async fn worker_of<S: ServiceStore>(state: &ServiceState<S>, device_id: Uuid, now: i64) -> Result<Uuid> {
    let worker = state.roster.read(&state.store, now, |r| r?.worker_of_device(device_id)).await?;
    worker.ok_or_else(|| ServiceError::Forbidden("this is only for a worker's laptop that the organisation has approved".into()))
}

/// What people shared with this worker's laptop (sealed to it), after `after`, oldest first: the
/// envelopes exactly as their senders sealed and signed them. The laptop checks each sender
/// against its own verified roster; the server only routes.
async fn shared<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    query: std::result::Result<Query<MailboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<MailboxResponse>> {
    let device = authenticate_active(&state, &method, &uri, &headers, &[]).await?;
    let Query(query) = query.map_err(|_| ServiceError::BadRequest("`after` must be a whole number".into()))?;
    if query.after < 0 {
        return Err(ServiceError::BadRequest("`after` must be 0 or more".into()));
    }
    let now = state.clock.now().0;
    worker_of(&state, device.id, now).await?;
    let items = state.store.shared_with(device.id, query.after, MAILBOX_PAGE).await?;
    state.store.audit(now, Some(device.id), "shared", format!("{} items", items.len())).await?;
    Ok(Json(MailboxResponse { items: items.into_iter().map(|m| MailboxItem { seq: m.seq, body: m.body }).collect() }))
}

/// Files what a worker's laptop sealed and signed for a person's devices (receipts,
/// acknowledgements, replies) in those devices' mailboxes. Only to a device the roster certifies
/// for a person, and only mail this laptop signed; the devices check both again themselves.
async fn worker_mail<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<WorkerMailResponse>)> {
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    worker_of(&state, device.id, now).await?;
    let batch: WorkerMailBatch = parse_json("worker mail", &body)?;
    if batch.format != WORKER_MAIL_FORMAT {
        return Err(ServiceError::BadRequest(format!("worker mail format {} is not supported (this service reads {WORKER_MAIL_FORMAT})", batch.format)));
    }
    if batch.items.is_empty() || batch.items.len() > MAX_WORKER_MAIL {
        return Err(ServiceError::BadRequest(format!("worker mail carries 1 to {MAX_WORKER_MAIL} items")));
    }
    let targets: Vec<Uuid> = batch.items.iter().map(|i| i.device_id).collect();
    let people = state.roster.read(&state.store, now, |r| targets.iter().map(|d| r.and_then(|r| r.person_of_device(*d))).collect::<Vec<_>>()).await?;
    for (item, person) in batch.items.iter().zip(&people) {
        let mail: waymark_sync::mail::Mail = parse_json("mail", item.body.as_bytes())?;
        if person.is_none() || mail.person_id != *person || mail.envelope.header.device_id != item.device_id {
            return Err(ServiceError::Forbidden("worker mail goes only to a person's approved device, addressed to that person".into()));
        }
        if mail.format != waymark_sync::mail::ORGANISATION_MAIL_FORMAT || mail.signer.as_deref() != Some(device.signing_key.as_str()) {
            return Err(ServiceError::Forbidden("worker mail must be signed by the laptop that sends it".into()));
        }
        mail.envelope.check_shape()?;
    }
    for item in batch.items {
        state.store.post_mail(item.device_id, item.body, now).await?;
    }
    state.store.audit(now, Some(device.id), "worker_mail", format!("{} items", targets.len())).await?;
    Ok((StatusCode::CREATED, Json(WorkerMailResponse { posted: targets.len() as u32 })))
}

/// A person stopped sharing a kind with one of their workers: that worker's laptops are no longer
/// handed what this device sealed to them of that kind, except urgent items (which go to whoever
/// answers them, whatever was chosen). Only this device's own envelopes change.
async fn remove_readers<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Json<ReaderRemovalResponse>> {
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    let request: ReaderRemoval = parse_json("reader removal", &body)?;
    if request.format != READER_REMOVAL_FORMAT {
        return Err(SyncError::UnsupportedVersion { what: "reader_removal", found: request.format, supported: READER_REMOVAL_FORMAT }.into());
    }
    waymark_sync::envelope::check_record_kind(&request.record_kind)?;
    if request.readers.is_empty() || request.readers.len() > MAX_READER_REMOVALS {
        return Err(ServiceError::BadRequest(format!("name 1 to {MAX_READER_REMOVALS} laptops")));
    }
    let removed = state.store.remove_readers(device.id, request.record_kind.clone(), request.readers).await?;
    state.store.audit(now, Some(device.id), "reader_removal", format!("{removed} {}", request.record_kind)).await?;
    Ok(Json(ReaderRemovalResponse { removed }))
}

/// The urgent items raised to this worker, unacknowledged first: never what was written.
async fn alerts<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<AlertsResponse>> {
    let device = authenticate_active(&state, &method, &uri, &headers, &[]).await?;
    let now = state.clock.now().0;
    let worker = worker_of(&state, device.id, now).await?;
    let rows = state.store.alerts_for(worker).await?;
    state.store.audit(now, Some(device.id), "alerts", format!("{} alerts", rows.len())).await?;
    Ok(Json(AlertsResponse { alerts: rows }))
}

/// For the duty team only: every urgent alert across the organisation, who it was raised to, who
/// acknowledged it and how often it escalated. Content-free: never what was written.
async fn team_alerts<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<waymark_sync::api::TeamAlertsResponse>> {
    let device = authenticate_active(&state, &method, &uri, &headers, &[]).await?;
    let now = state.clock.now().0;
    let worker = worker_of(&state, device.id, now).await?;
    let duty = state.roster.read(&state.store, now, |r| r.and_then(|r| r.worker(worker)).is_some_and(|w| w.role == waymark_sync::roster::WorkerRole::Duty)).await?;
    if !duty {
        return Err(ServiceError::Forbidden("the team's alerts are for the duty team".into()));
    }
    let alerts = state.store.team_alerts().await?;
    state.store.audit(now, Some(device.id), "team_alerts", format!("{} alerts", alerts.len())).await?;
    Ok(Json(waymark_sync::api::TeamAlertsResponse { alerts }))
}

/// A worker acknowledges an alert raised to them: its escalation clock stops.
async fn acknowledge_alert<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Json<AlertView>> {
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    let worker = worker_of(&state, device.id, now).await?;
    let ack: AlertAck = parse_json("acknowledgement", &body)?;
    let not_theirs = || ServiceError::NotFound(format!("no alert #{} was raised to you", ack.alert_id));
    if !state.store.acknowledge_alert(ack.alert_id, worker, now).await? {
        return Err(not_theirs());
    }
    state.store.audit(now, Some(device.id), "alert", format!("#{} acknowledged by worker {worker}", ack.alert_id)).await?;
    let alert = state.store.alerts_for(worker).await?.into_iter().find(|a| a.alert_id == ack.alert_id);
    alert.map(Json).ok_or_else(not_theirs)
}

#[derive(Deserialize)]
struct RosterQuery {
    #[serde(default)]
    from: i64,
}

/// The organisation's roster from link `from` on, as its administrators signed it. The service
/// only keeps and hands it out: every device checks each link against the root it pinned.
/// Enrolled devices only (it names the service's workers).
async fn roster<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    query: std::result::Result<Query<RosterQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response> {
    let device = authenticate(&state, &method, &uri, &headers, &[]).await?;
    let Query(query) = query.map_err(|_| ServiceError::BadRequest("`from` must be a whole number".into()))?;
    if query.from < 0 {
        return Err(ServiceError::BadRequest("`from` must be 0 or more".into()));
    }
    // Links first, then the head: a link added in between then only makes the head higher than
    // the page (the device reads again), never lower than a link the page carries.
    let links = state.store.roster_links(query.from, ROSTER_PAGE).await?;
    let head = state.store.roster_head().await?;
    state.store.audit(state.clock.now().0, Some(device.id), "roster", format!("{} links", links.len())).await?;
    // The links are sent exactly as stored (signed JSON), written around rather than parsed.
    let head = head.map_or_else(|| "null".to_string(), |h| h.to_string());
    let body = format!("{{\"format\":{ROSTER_FORMAT},\"head_seq\":{head},\"links\":[{}]}}", links.join(","));
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// A roster change a worker's laptop signed. Kept only if the roster this service verifies
/// allows that laptop to make it and it follows the head; a link signed by anyone but the laptop
/// that sends it is refused, so one laptop cannot pass on another's. Devices check it again.
async fn add_roster_link<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<waymark_sync::api::RosterLinkAccepted>)> {
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    worker_of(&state, device.id, now).await?;
    let link: waymark_sync::roster::RosterLink = parse_json("roster link", &body)?;
    if link.content.signer != device.signing_key {
        return Err(ServiceError::Forbidden("a roster change must be signed by the laptop that sends it".into()));
    }
    let checked = state
        .roster
        .read(&state.store, now, |r| -> Result<()> {
            let mut next = r.cloned().ok_or_else(|| ServiceError::BadRequest("this service keeps no roster yet".into()))?;
            // Signed on top of a head that is no longer the head: another change came first. The
            // laptop reads the roster again and signs afresh.
            if link.content.seq != next.head.seq + 1 || link.content.prev != next.head.hash {
                return Err(ServiceError::Conflict(format!("the roster has moved on to link {}: read it again and sign on top of it", next.head.seq)));
            }
            next.apply(&link)?;
            Ok(())
        })
        .await?;
    if let Err(e) = checked {
        state.store.audit(now, Some(device.id), "roster_link", format!("refused: {}", e.code())).await?;
        return Err(e);
    }
    let seq = link.content.seq;
    state.store.append_roster_link(seq as i64, serde_json::to_string(&link).expect("a link serialises")).await?;
    state.store.audit(now, Some(device.id), "roster_link", format!("#{seq} kept")).await?;
    Ok((StatusCode::CREATED, Json(waymark_sync::api::RosterLinkAccepted { seq })))
}

/// An administrator worker's laptop asks the service to honour an invite code it made for
/// someone in the roster: only the token's hash is kept, with the role the roster gives.
async fn register_invite<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<waymark_sync::api::InviteRegistered>)> {
    use waymark_sync::api::{InviteRegistration, INVITE_REGISTRATION_FORMAT, MAX_INVITE_DAYS};
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    let worker = worker_of(&state, device.id, now).await?;
    let request: InviteRegistration = parse_json("invite", &body)?;
    if request.format != INVITE_REGISTRATION_FORMAT {
        return Err(SyncError::UnsupportedVersion { what: "invite_registration", found: request.format, supported: INVITE_REGISTRATION_FORMAT }.into());
    }
    // An hour's grace for a laptop whose clock runs a little ahead of the service's.
    if request.expires_at <= now || request.expires_at > now + MAX_INVITE_DAYS * 86_400 + 3600 {
        return Err(ServiceError::BadRequest(format!("an invite runs out within {MAX_INVITE_DAYS} days from now")));
    }
    let token_hash = request.token_hash_bytes()?;
    let person_id = request.person_id;
    let role = state
        .roster
        .read(&state.store, now, |r| {
            let r = r?;
            if !r.is_admin_worker(worker) {
                return None;
            }
            match (r.person(person_id), r.worker(person_id)) {
                (Some(p), _) => Some(Ok(p.role.as_str())),
                (None, Some(w)) if !w.revoked => Some(Ok("worker")),
                _ => Some(Err(())),
            }
        })
        .await?;
    let role = match role {
        None => return Err(ServiceError::Forbidden("only an administrator's laptop makes invite codes".into())),
        Some(Err(())) => return Err(ServiceError::BadRequest(format!("{person_id} is no one in the roster who can be invited"))),
        Some(Ok(role)) => role,
    };
    state
        .store
        .add_invite(crate::store::NewInvite {
            token_hash: token_hash.to_vec(),
            person_id: Some(person_id),
            // The laptop keeps the person's name; the service needs none.
            person_name: String::new(),
            role: role.to_string(),
            created_at: now,
            expires_at: request.expires_at,
        })
        .await?;
    state.store.audit(now, Some(device.id), "invite", format!("for {role} {person_id}")).await?;
    Ok((StatusCode::CREATED, Json(waymark_sync::api::InviteRegistered { role: role.to_string() })))
}

#[derive(Deserialize)]
struct EnrolmentsQuery {
    person: Uuid,
}

/// The devices that enrolled with an invite for one person, approved or not, and their keys:
/// for an administrator's laptop, or the laptop of a worker allocated to that person.
async fn enrolments<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    query: std::result::Result<Query<EnrolmentsQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<waymark_sync::api::EnrolmentsResponse>> {
    let device = authenticate_active(&state, &method, &uri, &headers, &[]).await?;
    let Query(query) = query.map_err(|_| ServiceError::BadRequest("`person` must be an id".into()))?;
    let now = state.clock.now().0;
    let worker = worker_of(&state, device.id, now).await?;
    let person = query.person;
    let allowed = state
        .roster
        .read(&state.store, now, |r| {
            r.is_some_and(|r| r.is_admin_worker(worker) || r.person(person).is_some_and(|p| p.allocations.values().any(|w| *w == worker)))
        })
        .await?;
    if !allowed {
        return Err(ServiceError::Forbidden("a person's devices are for an administrator or their own worker".into()));
    }
    let devices: Vec<waymark_sync::api::Enrolment> = state
        .store
        .person_devices()
        .await?
        .into_iter()
        .filter(|d| d.person_id == Some(person))
        .map(|d| waymark_sync::api::Enrolment {
            device_id: d.id,
            keys: PublicKeys { signing: d.signing_key, receiving: d.receiving_key },
            enrolled_at: d.enrolled_at,
        })
        .collect();
    state.store.audit(now, Some(device.id), "enrolments", format!("{} devices", devices.len())).await?;
    Ok(Json(waymark_sync::api::EnrolmentsResponse { devices }))
}

/// A worker's laptop hands in the audit entries it signed: kept only if each is signed by that
/// laptop and follows the last one kept for it, so its chain has no holes.
async fn add_audit<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<waymark_sync::audit::AuditUploaded>)> {
    use waymark_sync::audit::{AuditUpload, AuditUploaded, AUDIT_FORMAT, AUDIT_PAGE};
    let body = body_bytes(body)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    worker_of(&state, device.id, now).await?;
    let upload: AuditUpload = parse_json("audit upload", &body)?;
    if upload.format != AUDIT_FORMAT {
        return Err(SyncError::UnsupportedVersion { what: "audit", found: upload.format, supported: AUDIT_FORMAT }.into());
    }
    if upload.entries.is_empty() || upload.entries.len() > AUDIT_PAGE {
        return Err(ServiceError::BadRequest(format!("an audit upload carries 1 to {AUDIT_PAGE} entries")));
    }
    let mut entries = Vec::with_capacity(upload.entries.len());
    for entry in upload.entries {
        if entry.content.device_id != device.id || entry.check_signature(&device.signing_key).is_err() {
            return Err(ServiceError::Forbidden("an audit entry must be signed by the laptop that sends it".into()));
        }
        entries.push(crate::store::NewAuditEntry {
            seq: i64::try_from(entry.content.seq).map_err(|_| ServiceError::BadRequest("an audit entry's number is too large".into()))?,
            prev: entry.content.prev.clone(),
            hash: entry.hash(),
            body: serde_json::to_string(&entry).expect("an entry serialises"),
        });
    }
    let head = state.store.append_worker_audit(device.id, entries, now).await?;
    state.store.audit(now, Some(device.id), "worker_audit", format!("up to #{head}")).await?;
    Ok((StatusCode::CREATED, Json(AuditUploaded { head_seq: head as u64 })))
}

#[derive(Deserialize)]
struct AuditQuery {
    #[serde(default)]
    after: i64,
}

/// For an administrator worker's laptop: every laptop's audit entries after `after`, as signed,
/// in the order they came. The laptop checks each chain against its own verified roster.
async fn read_audit<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    query: std::result::Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response> {
    let device = authenticate_active(&state, &method, &uri, &headers, &[]).await?;
    let Query(query) = query.map_err(|_| ServiceError::BadRequest("`after` must be a whole number".into()))?;
    if query.after < 0 {
        return Err(ServiceError::BadRequest("`after` must be 0 or more".into()));
    }
    let now = state.clock.now().0;
    let worker = worker_of(&state, device.id, now).await?;
    if !state.roster.read(&state.store, now, |r| r.is_some_and(|r| r.is_admin_worker(worker))).await? {
        return Err(ServiceError::Forbidden("the audit log is for administrators".into()));
    }
    let rows = state.store.worker_audit(query.after, waymark_sync::audit::AUDIT_READ_PAGE as u32).await?;
    state.store.audit(now, Some(device.id), "read_worker_audit", format!("{} entries", rows.len())).await?;
    // Written around the stored entries rather than parsed: they go out exactly as signed.
    let items: Vec<String> = rows.iter().map(|(n, body)| format!("{{\"entry_no\":{n},\"entry\":{body}}}")).collect();
    let body = format!("{{\"entries\":[{}]}}", items.join(","));
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// A library bundle an administrator worker's laptop built and signed: kept if that laptop's key
/// signed it, the bundle reads, and it is newer than the one held. Devices check the signature
/// again against their own verified roster before installing it.
async fn publish_library<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<waymark_sync::api::LibraryPublished>)> {
    let body = body_bytes_within(body, waymark_sync::api::MAX_LIBRARY_BODY)?;
    let device = authenticate_active(&state, &method, &uri, &headers, &body).await?;
    let now = state.clock.now().0;
    let worker = worker_of(&state, device.id, now).await?;
    if !state.roster.read(&state.store, now, |r| r.is_some_and(|r| r.is_admin_worker(worker))).await? {
        return Err(ServiceError::Forbidden("only an administrator's laptop publishes the library".into()));
    }
    let key = PublicKeys { signing: device.signing_key.clone(), receiving: device.receiving_key.clone() }.signing_key_bytes()?;
    let verified = waymark_core::domain::library::SignedLibraryBundle::verify(&body, &key, waymark_core::Timestamp(now))
        .map_err(|_| ServiceError::BadRequest("the library must be a bundle signed by the laptop that sends it, in date".into()))?;
    let version = verified.bundle.bundle_version;
    let text = String::from_utf8(body.to_vec()).map_err(|_| ServiceError::BadRequest("the library is not text".into()))?;
    if !state.store.put_resources(i64::from(version), text, now).await? {
        return Err(ServiceError::Conflict(format!("a library of version {version} or newer is published already: publish a higher version")));
    }
    state.store.audit(now, Some(device.id), "publish_resources", format!("version {version} from a worker's laptop")).await?;
    Ok((StatusCode::CREATED, Json(waymark_sync::api::LibraryPublished { version })))
}

#[derive(Deserialize)]
struct ResourcesQuery {
    /// The library version the device has; nothing is sent unless this one is newer.
    #[serde(default)]
    have: i64,
}

/// The newest signed resource library. Public guidance, so no signature is asked for; devices
/// check the service's signature on it before installing.
async fn resources<S: ServiceStore>(
    State(state): State<Arc<ServiceState<S>>>,
    headers: HeaderMap,
    query: std::result::Result<Query<ResourcesQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response> {
    let Query(query) = query.map_err(|_| ServiceError::BadRequest("`have` must be a whole number".into()))?;
    if query.have < 0 {
        return Err(ServiceError::BadRequest("`have` must be 0 or more".into()));
    }
    state.limits.take(&format!("resources:{}", client_of(&headers)), crate::limits::RESOURCES, state.clock.now().0)?;
    Ok(match state.store.resources().await? {
        Some((version, signed)) if version > query.have => {
            ([(axum::http::header::CONTENT_TYPE, "application/json")], signed).into_response()
        }
        Some(_) => StatusCode::NO_CONTENT.into_response(),
        None => ServiceError::NotFound("this service has not published a library".into()).into_response(),
    })
}
