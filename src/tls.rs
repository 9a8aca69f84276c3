//! TLS: rustls with the *ring* provider, TLS 1.2 and 1.3 only. There is no plaintext
//! listener. Without a configured certificate a self-signed one is generated into the
//! data directory on first run, and its fingerprint is logged so it can be pinned.

use crate::config::ServerSettings;
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls::ServerConfig;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}: {message}")]
    Pem { path: PathBuf, message: String },
    #[error("{0} holds no certificate")]
    NoCertificate(PathBuf),
    #[error("certificate and key do not form a usable TLS configuration: {0}")]
    Config(#[from] rustls::Error),
    #[error("cannot write the development certificate to {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("agency.client_ca {path}: {message}")]
    ClientCa { path: PathBuf, message: String },
    #[error("cannot generate the development certificate: {0}")]
    Generate(#[from] rcgen::Error),
}

/// Installs *ring* as the process-wide rustls provider. Safe to call more than once.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// The certificate and key files to serve, generating a dev pair when none is configured.
pub fn certificate_files(
    server: &ServerSettings,
    data_dir: &Path,
) -> Result<(PathBuf, PathBuf), TlsError> {
    if let (Some(cert), Some(key)) = (&server.tls_cert, &server.tls_key) {
        return Ok((cert.clone(), key.clone()));
    }
    let cert = data_dir.join("dev-cert.pem");
    let key = data_dir.join("dev-key.pem");
    if !cert.exists() || !key.exists() {
        generate_dev_certificate(&cert, &key, server.dev_cert_host.as_deref())?;
        tracing::warn!(
            path = %cert.display(),
            sha256 = %fingerprint(&cert)?,
            "generated a self-signed development certificate: configure server.tls_cert and server.tls_key for production"
        );
    }
    Ok((cert, key))
}

fn generate_dev_certificate(
    cert_path: &Path,
    key_path: &Path,
    host: Option<&str>,
) -> Result<(), TlsError> {
    let mut names = vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
    ];
    names.extend(host.map(str::to_owned));
    let certified = rcgen::generate_simple_self_signed(names)?;
    let write = |path: &Path, contents: String, private: bool| -> Result<(), TlsError> {
        let fail = |source| TlsError::Write {
            path: path.to_owned(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if private {
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        use std::io::Write;
        options
            .open(path)
            .and_then(|mut f| f.write_all(contents.as_bytes()))
            .map_err(fail)
    };
    write(key_path, certified.key_pair.serialize_pem(), true)?;
    write(cert_path, certified.cert.pem(), false)
}

/// SHA-256 of the first certificate in a PEM file, as colon-separated hex.
pub fn fingerprint(cert_path: &Path) -> Result<String, TlsError> {
    let certs = read_certificates(cert_path)?;
    let digest = ring::digest::digest(&ring::digest::SHA256, certs[0].as_ref());
    Ok(digest
        .as_ref()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":"))
}

fn read_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certs = CertificateDer::pem_file_iter(path)
        .and_then(|it| it.collect::<Result<Vec<_>, _>>())
        .map_err(|e| TlsError::Pem {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    if certs.is_empty() {
        return Err(TlsError::NoCertificate(path.to_owned()));
    }
    Ok(certs)
}

/// The certificate being served, replaced in place by `reload` (on SIGHUP), so a renewed
/// certificate is served to new connections without a restart.
#[derive(Debug)]
pub struct ReloadableCertificate {
    cert_path: PathBuf,
    key_path: PathBuf,
    current: RwLock<Arc<CertifiedKey>>,
}

impl ReloadableCertificate {
    pub fn load(cert_path: &Path, key_path: &Path) -> Result<Arc<Self>, TlsError> {
        Ok(Arc::new(ReloadableCertificate {
            current: RwLock::new(certified_key(cert_path, key_path)?),
            cert_path: cert_path.to_owned(),
            key_path: key_path.to_owned(),
        }))
    }

    /// Reads the files again. A bad pair is refused and the old one kept serving.
    pub fn reload(&self) -> Result<(), TlsError> {
        let fresh = certified_key(&self.cert_path, &self.key_path)?;
        *self.current.write().expect("certificate lock") = fresh;
        Ok(())
    }
}

impl ResolvesServerCert for ReloadableCertificate {
    fn resolve(&self, _: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.current.read().expect("certificate lock").clone())
    }
}

fn certified_key(cert_path: &Path, key_path: &Path) -> Result<Arc<CertifiedKey>, TlsError> {
    install_crypto_provider();
    let certs = read_certificates(cert_path)?;
    let key = PrivateKeyDer::from_pem_file(key_path).map_err(|e| TlsError::Pem {
        path: key_path.to_owned(),
        message: e.to_string(),
    })?;
    let provider = rustls::crypto::ring::default_provider();
    let certified = CertifiedKey::from_der(certs, key, &provider)?;
    Ok(Arc::new(certified))
}

/// The server's TLS configuration. With `client_ca`, a client may present a
/// certificate issued by it (verified in the handshake; one from another CA fails the
/// handshake), and one without a certificate is served as before: reporters and
/// handlers are never required to have one, and only the agency API looks at it.
pub fn server_config(
    certificate: Arc<ReloadableCertificate>,
    client_ca: Option<&Path>,
) -> Result<Arc<ServerConfig>, TlsError> {
    install_crypto_provider();
    let builder = ServerConfig::builder_with_protocol_versions(&[
        &rustls::version::TLS13,
        &rustls::version::TLS12,
    ]);
    let builder = match client_ca {
        None => builder.with_no_client_auth(),
        Some(path) => {
            let mut roots = rustls::RootCertStore::empty();
            for cert in read_certificates(path)? {
                roots.add(cert)?;
            }
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                Arc::new(rustls::crypto::ring::default_provider()),
            )
            .allow_unauthenticated()
            .build()
            .map_err(|e| TlsError::ClientCa {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    let mut config = builder.with_cert_resolver(certificate);
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}
