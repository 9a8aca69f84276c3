//! Secret key files: one base64url key per line, the first line the current key, later
//! lines older keys kept so that what they protected can still be read. A new key is
//! rotated in by adding it as the first line, or staged as the second and promoted later
//! (several replicas). Files are created with mode 0600.

use super::{b64url, from_b64url};
use std::io::Write;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("cannot read key file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write key file {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("key file {path}, line {line}: {message}")]
    Invalid {
        path: String,
        line: usize,
        message: String,
    },
    #[error("key file {path} is readable by other users (mode {mode:o}); run `chmod 600 {path}`")]
    Permissions { path: String, mode: u32 },
}

/// Reads the keys in `path`, or creates the file with one key from `generate`.
/// Returns the keys and whether the file was created.
pub fn load_or_create(
    path: &Path,
    key_len: usize,
    generate: impl FnOnce() -> Vec<u8>,
) -> Result<(Vec<Vec<u8>>, bool), KeyFileError> {
    if path.exists() {
        return Ok((load(path, key_len)?, false));
    }
    let key = generate();
    write_new(path, std::slice::from_ref(&key))?;
    Ok((vec![key], true))
}

pub fn load(path: &Path, key_len: usize) -> Result<Vec<Vec<u8>>, KeyFileError> {
    let name = path.display().to_string();
    check_permissions(path, &name)?;
    let text = std::fs::read_to_string(path).map_err(|source| KeyFileError::Read {
        path: name.clone(),
        source,
    })?;
    let mut keys = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let invalid = |message: String| KeyFileError::Invalid {
            path: name.clone(),
            line: n + 1,
            message,
        };
        let key = from_b64url(line).map_err(|e| invalid(format!("not base64url: {e}")))?;
        if key.len() != key_len {
            return Err(invalid(format!(
                "key is {} bytes, expected {key_len}",
                key.len()
            )));
        }
        keys.push(key);
    }
    if keys.is_empty() {
        return Err(KeyFileError::Invalid {
            path: name,
            line: 0,
            message: "no key in file".into(),
        });
    }
    Ok(keys)
}

/// Writes a key file that must not exist yet, readable by its owner only.
pub fn write_new(path: &Path, keys: &[Vec<u8>]) -> Result<(), KeyFileError> {
    let name = path.display().to_string();
    let fail = |source| KeyFileError::Write {
        path: name.clone(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(fail)?;
    for key in keys {
        writeln!(file, "{}", b64url(key)).map_err(fail)?;
    }
    file.sync_all().map_err(fail)
}

/// Puts a new key first, keeping the older ones: one step, for a single process.
pub fn rotate(path: &Path, key_len: usize, new_key: Vec<u8>) -> Result<usize, KeyFileError> {
    rewrite(path, key_len, |keys| {
        keys.insert(0, new_key);
        Ok(())
    })
}

/// Adds a new key second, after the current one: every process given this file can read
/// what the new key protects, and none uses it yet. With several replicas, stage the key
/// everywhere first, then `promote` it, so that no replica meets a key it cannot read.
pub fn stage(path: &Path, key_len: usize, new_key: Vec<u8>) -> Result<usize, KeyFileError> {
    rewrite(path, key_len, |keys| {
        keys.insert(1, new_key);
        Ok(())
    })
}

/// Makes the second key (the one last staged) current; the current one becomes second.
pub fn promote(path: &Path, key_len: usize) -> Result<usize, KeyFileError> {
    let name = path.display().to_string();
    rewrite(path, key_len, |keys| {
        if keys.len() < 2 {
            return Err(KeyFileError::Invalid {
                path: name,
                line: 2,
                message: "no staged key to promote (stage one first)".into(),
            });
        }
        keys.swap(0, 1);
        Ok(())
    })
}

/// Rewrites the file with `edit`'s keys, by writing a new file and renaming it over the
/// old one so a crash leaves one or the other. Returns how many keys it holds.
fn rewrite(
    path: &Path,
    key_len: usize,
    edit: impl FnOnce(&mut Vec<Vec<u8>>) -> Result<(), KeyFileError>,
) -> Result<usize, KeyFileError> {
    let mut keys = load(path, key_len)?;
    edit(&mut keys)?;
    let tmp = path.with_extension("new");
    let _ = std::fs::remove_file(&tmp);
    write_new(&tmp, &keys)?;
    std::fs::rename(&tmp, path).map_err(|source| KeyFileError::Write {
        path: path.display().to_string(),
        source,
    })?;
    Ok(keys.len())
}

#[cfg(unix)]
fn check_permissions(path: &Path, name: &str) -> Result<(), KeyFileError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|source| KeyFileError::Read {
            path: name.to_owned(),
            source,
        })?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(KeyFileError::Permissions {
            path: name.to_owned(),
            mode: mode & 0o777,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_permissions(_: &Path, _: &str) -> Result<(), KeyFileError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_owner_only_and_rotates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let (keys, created) = load_or_create(&path, 4, || vec![1, 2, 3, 4]).unwrap();
        assert!(created);
        assert_eq!(keys, vec![vec![1, 2, 3, 4]]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(rotate(&path, 4, vec![5, 6, 7, 8]).unwrap(), 2);
        let (keys, created) = load_or_create(&path, 4, || unreachable!()).unwrap();
        assert!(!created);
        assert_eq!(keys, vec![vec![5, 6, 7, 8], vec![1, 2, 3, 4]]);
    }

    /// With several replicas: the new key is first held by everyone, then made current.
    #[test]
    fn a_staged_key_is_held_second_until_promoted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        write_new(&path, &[vec![1; 4], vec![0; 4]]).unwrap();
        assert_eq!(stage(&path, 4, vec![2; 4]).unwrap(), 3);
        assert_eq!(
            load(&path, 4).unwrap(),
            vec![vec![1; 4], vec![2; 4], vec![0; 4]]
        );
        assert_eq!(promote(&path, 4).unwrap(), 3);
        assert_eq!(
            load(&path, 4).unwrap(),
            vec![vec![2; 4], vec![1; 4], vec![0; 4]]
        );
        let lone = dir.path().join("lone");
        write_new(&lone, &[vec![1; 4]]).unwrap();
        let err = promote(&lone, 4).unwrap_err().to_string();
        assert!(err.contains("no staged key to promote"), "{err}");
    }

    #[test]
    fn wrong_length_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        write_new(&path, &[vec![1, 2, 3]]).unwrap();
        let err = load(&path, 4).unwrap_err().to_string();
        assert!(err.contains("line 1: key is 3 bytes, expected 4"), "{err}");
    }
}
