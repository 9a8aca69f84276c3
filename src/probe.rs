//! `tipline probe`: asks this machine's own server for `/healthz` or `/readyz`, for
//! container health checks where no HTTP client is installed (the runtime image holds
//! little more than the binary). It connects to the configured listen address (an
//! unspecified one as loopback) and speaks TLS pinned to the configured certificate:
//! the server must present exactly the certificate in `server.tls_cert` (or the dev
//! certificate), whatever its issuer or names. Success is a 200.

use crate::config::Settings;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// Asks for `path` and returns the status line; `Err` unless the answer is 200.
pub fn probe(settings: &Settings, path: &str, timeout: Duration) -> anyhow::Result<String> {
    let cert_path = settings
        .server
        .tls_cert
        .clone()
        .unwrap_or_else(|| settings.data_dir.join("dev-cert.pem"));
    let pinned = CertificateDer::from_pem_file(&cert_path)
        .map_err(|e| anyhow::anyhow!("cannot read the certificate {}: {e}", cert_path.display()))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Pinned { pinned, provider }))
        .with_no_client_auth();
    let mut address = settings.server.listen;
    if address.ip().is_unspecified() {
        let loopback = match address.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
        };
        address = SocketAddr::new(loopback, address.port());
    }
    let tcp = TcpStream::connect_timeout(&address, timeout)
        .map_err(|e| anyhow::anyhow!("cannot connect to {address}: {e}"))?;
    tcp.set_read_timeout(Some(timeout))?;
    tcp.set_write_timeout(Some(timeout))?;
    let name = ServerName::try_from("localhost")?;
    let connection = rustls::ClientConnection::new(Arc::new(config), name)?;
    let mut stream = rustls::StreamOwned::new(connection, tcp);
    stream.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").as_bytes(),
    )?;
    let mut answer = Vec::new();
    // The server closes after answering; a close without close_notify still leaves a
    // whole answer read.
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    let status = answer.lines().next().unwrap_or("").to_owned();
    if status.starts_with("HTTP/1.1 200 ") {
        Ok(status)
    } else {
        let body = answer.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        anyhow::bail!("{path}: {status} {body}")
    }
}

/// Trusts exactly one certificate; signatures are still checked with the provider's
/// algorithms, so only the holder of its key can answer.
#[derive(Debug)]
struct Pinned {
    pinned: CertificateDer<'static>,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if end_entity.as_ref() == self.pinned.as_ref() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::ApplicationVerificationFailure,
            ))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
