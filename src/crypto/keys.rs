//! The service's key files in the data directory, created on first run.

use super::at_rest::DataKeys;
use super::sealing::IntakeKeys;
use super::signing::SigningKeys;
use std::path::Path;

/// The service's secrets, loaded from the data directory (created on first run).
pub struct Keys {
    pub intake: IntakeKeys,
    pub data: DataKeys,
    /// Signs cases as delivered.
    pub signing: SigningKeys,
}

impl Keys {
    pub fn intake_key_path(data_dir: &Path) -> std::path::PathBuf {
        data_dir.join("intake-key")
    }

    pub fn data_key_path(data_dir: &Path) -> std::path::PathBuf {
        data_dir.join("data-key")
    }

    pub fn signing_key_path(data_dir: &Path) -> std::path::PathBuf {
        data_dir.join("signing-key")
    }

    pub fn load_or_create(data_dir: &Path) -> anyhow::Result<Keys> {
        create_private_dir(data_dir)?;
        let intake_path = Self::intake_key_path(data_dir);
        let (intake, created) = IntakeKeys::load_or_create(&intake_path)?;
        if created {
            tracing::warn!(path = %intake_path.display(), key_id = intake.current_id(), "generated a new intake key pair");
        }
        let data_path = Self::data_key_path(data_dir);
        let (data, created) = DataKeys::load_or_create(&data_path)?;
        if created {
            tracing::warn!(path = %data_path.display(), "generated a new data key: back it up, the database is unreadable without it");
        }
        let signing_path = Self::signing_key_path(data_dir);
        let (signing, created) = SigningKeys::load_or_create(&signing_path)?;
        if created {
            tracing::warn!(path = %signing_path.display(), key_id = signing.current_id(), "generated a new case signing key");
        }
        Ok(Keys {
            intake,
            data,
            signing,
        })
    }
}

/// Creates the data directory readable by its owner only; an existing one is left as the
/// operator set it up.
pub fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| anyhow::anyhow!("cannot create the data directory {}: {e}", dir.display()))
}
