//! HTTPS for `serve --tls-cert --tls-key`: the certificate chain and key from PEM files, served
//! with rustls (ring). The service's own signatures already pin who answers; TLS keeps the
//! requests' metadata (who is sending, when, how much) off the network as well.
//! It must never fall back to plain HTTP when the files are unusable: it refuses to start.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::ServerConfig;

use crate::error::{Result, ServiceError};

/// Reads the chain (leaf first) and its private key, and checks they belong together.
pub fn server_config(cert_path: &Path, key_path: &Path) -> Result<ServerConfig> {
    let unreadable = |what: &str, path: &Path, e: &dyn std::fmt::Display| {
        ServiceError::Tls(format!("the {what} in {} could not be read as PEM: {e}", path.display()))
    };
    let chain = CertificateDer::pem_file_iter(cert_path)
        .map_err(|e| unreadable("certificate", cert_path, &e))?
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| unreadable("certificate", cert_path, &e))?;
    if chain.is_empty() {
        return Err(ServiceError::Tls(format!("{} holds no certificate", cert_path.display())));
    }
    let key = PrivateKeyDer::from_pem_file(key_path).map_err(|e| unreadable("private key", key_path, &e))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ServiceError::Tls(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| ServiceError::Tls(format!("the certificate and key do not make a usable pair: {e}")))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}
