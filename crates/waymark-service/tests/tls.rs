//! The service over HTTPS, as an organisation with its own certificate authority would run it:
//! real processes, a CA and a server certificate made for the test, `serve --tls-cert --tls-key`.
//! A laptop that does not trust the CA refuses to connect and says why, keeping nothing; once the
//! CA is in the trust store the device uses (here `SSL_CERT_FILE`, as a system store would be
//! set up), the whole journey works: connect, share, and the operator reads it.

use std::net::{IpAddr, Ipv4Addr};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose, SanType};

mod support;
use support::{free_port, run, Tools};

struct TestPki {
    ca_pem: String,
    server_chain_pem: String,
    server_key_pem: String,
}

/// A certificate authority and a certificate it issued for `localhost` and 127.0.0.1.
fn test_pki() -> TestPki {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, "Northvale Council Test Root");
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_cert = ca.self_signed(&ca_key).unwrap();

    let server_key = KeyPair::generate().unwrap();
    let mut server = CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    server.subject_alt_names.push(SanType::IpAddress(IpAddr::V4(Ipv4Addr::LOCALHOST)));
    server.distinguished_name.push(DnType::CommonName, "localhost");
    let server_cert = server.signed_by(&server_key, &ca_cert, &ca_key).unwrap();
    TestPki { ca_pem: ca_cert.pem(), server_chain_pem: server_cert.pem(), server_key_pem: server_key.serialize_pem() }
}

#[test]
fn over_https_an_untrusted_certificate_is_refused_and_a_trusted_one_carries_the_whole_journey() {
    let tools = Tools::new();
    let (service, waymark) = (&tools.service, &tools.waymark);
    let pki_dir = tempfile::tempdir().unwrap();
    let (ca, chain, key) = (pki_dir.path().join("ca.pem"), pki_dir.path().join("server.pem"), pki_dir.path().join("server.key"));
    let pki = test_pki();
    std::fs::write(&ca, &pki.ca_pem).unwrap();
    std::fs::write(&chain, &pki.server_chain_pem).unwrap();
    std::fs::write(&key, &pki.server_key_pem).unwrap();

    let port = free_port();
    tools.init();
    let code = tools.invite(&format!("https://localhost:{port}"));
    let code = code.trim();
    let _server = tools.serve(port, &["--tls-cert", chain.to_str().unwrap(), "--tls-key", key.to_str().unwrap()]);
    tools.run(waymark, &["profile", "create", "--name", "Robin", "--role", "young_person"]);

    // This laptop does not know the council's CA: refused, with the reason, and nothing kept.
    let refused = tools.command(waymark).args(["connect", code, "--yes"]).output().unwrap();
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("security certificate is not trusted on this laptop"), "{said}");
    let after = tools.command(waymark).arg("sync").output().unwrap();
    assert!(String::from_utf8_lossy(&after.stderr).contains("[not_connected]"), "no connection was kept");

    // With the CA trusted, the same (still unused) invite connects, and sharing works over HTTPS.
    let trusting = |args: &[&str]| run(tools.command(waymark).env("SSL_CERT_FILE", &ca).args(args));
    let connected = trusting(&["connect", code, "--yes"]);
    assert!(connected.contains("Connected to Northvale Children's Services"));
    let robin = tools.approve_from(&connected);
    let sam_laptop = tools.social_worker_for(&robin, &format!("https://localhost:{port}"), Some(&ca));
    trusting(&["sync"]);
    let id = tools.run(waymark, &["statement", "new", "--kind", "change_something", "--words", "Could my review be after school, please?"]);
    tools.run(waymark, &["statement", "status", id.trim(), "ready"]);
    tools.run(waymark, &["consent", "grant", "statement", "--worker", "social_worker"]);
    // Sharing sends at once, as in the app; Robin's social worker's laptop opens it, over HTTPS too.
    assert!(trusting(&["share", id.trim()]).contains("Sent so far: 1"));
    assert!(sam_laptop.run(&["shared"]).contains("Could my review be after school, please?"));
    assert!(tools.run(service, &["inbox"]).contains("#1 from Robin"));
}

#[test]
fn serve_refuses_to_start_with_a_key_that_does_not_match_its_certificate() {
    let tools = Tools::new();
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (test_pki(), test_pki());
    let (chain, key) = (dir.path().join("server.pem"), dir.path().join("other.key"));
    std::fs::write(&chain, &first.server_chain_pem).unwrap();
    std::fs::write(&key, &second.server_key_pem).unwrap();
    tools.run(&tools.service, &["init", "--name", "Northvale Children's Services"]);
    let port = free_port();
    let out = tools
        .command(&tools.service)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--tls-cert", chain.to_str().unwrap(), "--tls-key", key.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success(), "it must not start, and never fall back to plain HTTP");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("do not make a usable pair"), "{said}");
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "nothing listens");
}
