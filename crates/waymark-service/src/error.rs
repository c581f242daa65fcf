//! The service's one error type. Each maps to an HTTP status and a stable code; the message is
//! what the caller can act on and never echoes a body, key or token back.

use axum::http::StatusCode;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    BadRequest(String),
    #[error("this request is not signed by an enrolled device, or its signature does not match")]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Gone(String),
    #[error("{0}")]
    NotFound(String),
    #[error("the request body is larger than {0} bytes")]
    TooLarge(usize),
    #[error("{0}")]
    Sync(#[from] waymark_sync::SyncError),
    #[error("{0}")]
    Core(#[from] waymark_core::Error),
    #[error("the service's database failed: {0}")]
    Database(#[from] rusqlite::Error),
    /// The driver's text, kept for the operator's log; replies say only that the database failed.
    #[error("the service's database failed")]
    Postgres(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the service's database was not reachable")]
    Unavailable,
    #[error("too many requests; try again in {0} seconds")]
    TooMany(i64),
    /// Only when starting: the certificate or key given to `serve` could not be used.
    #[error("{0}")]
    Tls(String),
}

impl ServiceError {
    pub fn code(&self) -> &'static str {
        match self {
            ServiceError::BadRequest(_) => "bad_request",
            ServiceError::Unauthenticated => "unauthenticated",
            ServiceError::Forbidden(_) => "forbidden",
            ServiceError::Conflict(_) => "conflict",
            ServiceError::Gone(_) => "gone",
            ServiceError::NotFound(_) => "not_found",
            ServiceError::TooLarge(_) => "too_large",
            ServiceError::Sync(e) => e.code(),
            ServiceError::Core(e) => e.code(),
            ServiceError::Database(_) | ServiceError::Postgres(_) | ServiceError::Io(_) | ServiceError::Unavailable | ServiceError::Tls(_) => {
                "internal"
            }
            ServiceError::TooMany(_) => "rate_limited",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ServiceError::BadRequest(_) | ServiceError::Sync(_) | ServiceError::Core(_) => StatusCode::BAD_REQUEST,
            ServiceError::Unauthenticated => StatusCode::UNAUTHORIZED,
            ServiceError::Forbidden(_) => StatusCode::FORBIDDEN,
            ServiceError::Conflict(_) => StatusCode::CONFLICT,
            ServiceError::Gone(_) => StatusCode::GONE,
            ServiceError::NotFound(_) => StatusCode::NOT_FOUND,
            ServiceError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ServiceError::Database(_) | ServiceError::Postgres(_) | ServiceError::Io(_) | ServiceError::Unavailable | ServiceError::Tls(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            ServiceError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
        }
    }
}

pub type Result<T> = std::result::Result<T, ServiceError>;
