//! HEIC/HEIF photos (issue 12): decoded in a child process by libheif, encoded again as
//! a JPEG of their pixels, and handled from then on as any stripped photo (shown inline,
//! blacked out, forwarded); the original never leaves its seal. Fixtures are made by
//! `tests/fixtures/make-heic` with Debian's heif-enc and exiftool.

use crate::attachments::{claimed_with_files, fetch, report, send, tags};
use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::json;
use tipline::attachments::{strip, AttachmentKind, Unreadable};
use tipline::domain::HandlerRole;
use tipline::worker::heif::HeifDecoder;

/// 64 x 48, the top left quarter light grey; a thumbnail, EXIF (make, serial number,
/// GPS) and XMP (a creator).
const PHOTO: &[u8] = include_bytes!("../fixtures/photo.heic");
/// The same picture coded in AV1, branded as HEIC: taken at intake as HEIF, but not
/// decoded here.
const AV1: &[u8] = include_bytes!("../fixtures/av1.heif");
const CANARIES: [&str; 4] = ["CANARY-SN-4417", "CanaryCam", "Canary-Author", "36.8485"];

fn decoder() -> HeifDecoder {
    HeifDecoder::new(&tipline::config::AttachmentSettings {
        renderer: Some(env!("CARGO_BIN_EXE_tipline").into()),
        ..tipline::config::Settings::default().attachments
    })
    .unwrap()
}

#[tokio::test]
async fn a_heic_photo_reaches_the_agency_as_a_jpeg_without_its_metadata_and_blacked_out() {
    let dir = tempfile::tempdir().unwrap();
    // What the photo carries, as exiftool reads it.
    let before = tags(PHOTO, dir.path(), "photo.heic");
    for tag in [
        "GPS:GPSLatitude",
        "ExifIFD:SerialNumber",
        "IFD0:Make",
        "XMP-dc:Creator",
    ] {
        assert!(
            before.get(tag).is_some(),
            "{tag} missing from the fixture: {before}"
        );
    }
    assert_eq!(before["File:MIMEType"], "image/heic");

    let app = spawn_app().await;
    let (status, page) = send(&app, report(vec![("IMG_4031.HEIC", PHOTO.to_vec())])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    for canary in CANARIES {
        assert!(
            !app.database_contains(canary).await,
            "{canary} in the clear"
        );
    }
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 1).await;
    assert_eq!(
        (
            &files[0]["kind"],
            &files[0]["state"],
            &files[0]["stripped_kind"]
        ),
        (&json!("heif"), &json!("stripped"), &json!("jpeg")),
        "{files:?}"
    );
    // Shown to the handler inline, as the JPEG made from its pixels.
    let shown = handler.get(files[0]["url"].as_str().unwrap()).await;
    assert_eq!(shown.status(), StatusCode::OK);
    assert_eq!(shown.headers()["content-type"], "image/jpeg");
    let shown = shown.bytes().await.unwrap();
    let decoded = image::load_from_memory(&shown).unwrap().to_rgb8();
    assert_eq!(decoded.dimensions(), (64, 48));
    // The light grey quarter came through (lossy twice: HEVC, then JPEG).
    assert!(
        decoded.get_pixel(10, 10).0.iter().all(|&c| c > 220),
        "{:?}",
        decoded.get_pixel(10, 10)
    );

    // A face in the light quarter, blacked out.
    let id = files[0]["id"].as_str().unwrap();
    let r = handler
        .post_json(
            &format!("/api/v1/review/tips/{tip}/attachments/{id}/black-out"),
            &json!({ "x": 0, "y": 0, "width": 16, "height": 16 }),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::NO_CONTENT,
        "{}",
        r.text().await.unwrap()
    );
    handler
        .decide_ok(
            &tip,
            &json!({ "action": "forward", "agencies": ["police"], "attachments": [id] }),
        )
        .await;

    let police = app.agency_token("police").await;
    let (_, leased) = app.lease(&police, 10, 60).await;
    let listed = leased["cases"][0]["attachments"].as_array().unwrap();
    assert_eq!(listed.len(), 1, "{leased}");
    assert_eq!(listed[0]["media_type"], "image/jpeg");
    let (status, sent) = fetch(&app, &police, listed[0]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    // The copy, never the sealed original.
    assert_ne!(sent, PHOTO);
    assert!(sent.starts_with(b"\xff\xd8"));

    let after = tags(&sent, dir.path(), "delivered.jpg");
    assert_eq!(after["File:MIMEType"], "image/jpeg");
    assert_eq!(
        (&after["File:ImageWidth"], &after["File:ImageHeight"]),
        (&json!(64), &json!(48))
    );
    let names: Vec<&String> = after.as_object().unwrap().keys().collect();
    assert!(
        !names.iter().any(|n| n.contains("GPS")
            || n.contains("Thumbnail")
            || n.starts_with("IFD")
            || n.starts_with("ExifIFD")
            || n.starts_with("XMP")),
        "{after}"
    );
    for canary in CANARIES {
        assert!(!after.to_string().contains(canary), "{canary}: {after}");
        assert!(!String::from_utf8_lossy(&sent).contains(canary), "{canary}");
    }
    // The blacked-out square is black; the light grey beside it is still there.
    let sent = image::load_from_memory(&sent).unwrap().to_rgb8();
    for y in 0..16 {
        for x in 0..16 {
            let pixel = sent.get_pixel(x, y).0;
            assert!(pixel.iter().all(|&c| c < 24), "({x}, {y}) kept {pixel:?}");
        }
    }
    for (x, y) in [(24, 4), (28, 20), (4, 20)] {
        let pixel = sent.get_pixel(x, y).0;
        assert!(
            pixel.iter().all(|&c| c > 200),
            "({x}, {y}) changed: {pixel:?}"
        );
    }
}

#[tokio::test]
async fn a_cut_or_undecodable_heic_is_withheld_saying_why_and_the_worker_goes_on() {
    let app = spawn_app().await;
    let cut = PHOTO[..PHOTO.len() / 2].to_vec();
    let (status, page) = send(
        &app,
        report(vec![("cut.heic", cut), ("av1.heif", AV1.to_vec())]),
    )
    .await;
    // HEIF has no end a streaming check can trust: the worker finds out.
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 2).await;
    assert!(
        files.iter().all(|f| f["state"] == "unreadable"),
        "{files:?}"
    );
    let cut_note = files[0]["note"].as_str().unwrap();
    assert!(cut_note.contains("damaged, cut short"), "{cut_note}");
    let av1_note = files[1]["note"].as_str().unwrap();
    assert!(
        av1_note.contains("coded in a way this service cannot open"),
        "{av1_note}"
    );
    assert!(av1_note.contains("JPEG or PNG"), "{av1_note}");
    let r = handler
        .decide(
            &tip,
            &json!({ "action": "forward", "agencies": ["police"], "attachments": [files[0]["id"]] }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    // The next photo is decoded as if nothing had happened.
    let (status, page) = send(&app, report(vec![("whole.heic", PHOTO.to_vec())])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let pending = app.wait_for_pending(&handler, 1).await;
    let next = pending[0]["id"].as_str().unwrap();
    assert_ne!(next, tip);
    let files = claimed_with_files(&handler, next, 1).await;
    assert_eq!(files[0]["state"], "stripped", "{files:?}");
}

/// Fuzz smoke: the photo cut at many lengths and with bits flipped, each through the
/// real decoder process and the stripper. Each comes back (a crash, an abort or a hang
/// of libheif costs a child, never this process), as a JPEG with none of the metadata
/// or as a reason; a longer run is the `strip` fuzz target's.
#[test]
fn damaged_heic_files_are_stripped_or_refused_never_leaked() {
    let decoder = decoder();
    let decode = |file: &[u8]| decoder.decode(file);
    let redact = |text: &str| Some(text.to_owned());
    let check = |damaged: &[u8]| match strip(AttachmentKind::Heif, damaged, &redact, &decode) {
        Ok(copy) => {
            assert_eq!(copy.kind(), AttachmentKind::Jpeg);
            let text = String::from_utf8_lossy(copy.bytes());
            for canary in CANARIES {
                assert!(!text.contains(canary), "{canary} kept");
            }
            assert!(!copy.bytes().windows(4).any(|w| w == b"Exif"));
            true
        }
        Err(why) => {
            assert!(
                matches!(
                    why,
                    Unreadable::Malformed | Unreadable::NotDecodable | Unreadable::WrongType
                ),
                "{why:?}"
            );
            false
        }
    };
    assert!(check(PHOTO));
    let mut decoded = 0;
    let mut tried = 0;
    for len in (1..PHOTO.len()).step_by(97) {
        tried += 1;
        decoded += usize::from(check(&PHOTO[..len]));
    }
    // A fixed walk over the file: one bit flipped at a time, the metadata and the
    // coded picture alike.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..64 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mut damaged = PHOTO.to_vec();
        let at = (state % PHOTO.len() as u64) as usize;
        damaged[at] ^= 1 << (state >> 60 & 7);
        tried += 1;
        decoded += usize::from(check(&damaged));
    }
    // Cut files never decode; most flips in metadata or padding still do.
    assert!(
        decoded > 0 && decoded < tried,
        "{decoded} of {tried} decoded"
    );
}

/// What libheif could do to the process it runs in (abort, crash, spin) costs the worker
/// one withheld photo: a decoder process that dies by a signal, or that never answers
/// and is killed at `attachments.render_seconds`, is a `Malformed` file, promptly.
#[test]
fn a_decoder_that_crashes_or_hangs_costs_only_its_photo() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (name, script, within) in [
        ("aborts", "#!/bin/sh\ncat >/dev/null\nkill -ABRT $$\n", 2),
        (
            "crashes",
            "#!/bin/sh\nhead -c 20 >/dev/null\nkill -SEGV $$\n",
            2,
        ),
        ("hangs", "#!/bin/sh\ncat >/dev/null\nexec sleep 60\n", 5),
    ] {
        let program = dir.path().join(name);
        std::fs::write(&program, script).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        let decoder = HeifDecoder::new(&tipline::config::AttachmentSettings {
            renderer: Some(program),
            render_seconds: 1,
            ..tipline::config::Settings::default().attachments
        })
        .unwrap();
        let started = std::time::Instant::now();
        assert_eq!(
            decoder.decode(PHOTO).err(),
            Some(Unreadable::Malformed),
            "{name}"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(within),
            "{name}: {:?}",
            started.elapsed()
        );
    }
    // The real decoder, after them, as before.
    assert_eq!(
        decoder().decode(PHOTO).map(|p| (p.width, p.height)).ok(),
        Some((64, 48))
    );
}
