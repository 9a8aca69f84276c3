//! Files sent with a report (issue 12): uploaded on the form without JavaScript, stored
//! sealed, stripped by the worker, reviewed, and delivered to the agency with nothing
//! that identifies the reporter, as an independent tool (exiftool) reads them.

use crate::helpers::{spawn_app, spawn_app_with, Handler, TestApp};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use tipline::crypto::at_rest::DataKeys;
use tipline::domain::HandlerRole;
use tipline::store::rekey::Column;

const GPS_LATITUDE: &str = "36.8485";
const SERIAL: &str = "CANARY-SN-4417";
const MAKE: &str = "CanaryCam";
const AUTHOR: &str = "Aroha Canary-Author";

/// Runs exiftool (Debian's libimage-exiftool-perl, installed by `.ci/run`): the test
/// fails without it rather than passing unchecked.
fn exiftool(args: &[&str]) -> String {
    let out = Command::new("exiftool")
        .args(args)
        .output()
        .expect("exiftool must be installed (Debian package libimage-exiftool-perl)");
    assert!(
        out.status.success(),
        "exiftool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every tag exiftool finds in a file, by group and name.
pub(crate) fn tags(bytes: &[u8], dir: &Path, name: &str) -> Value {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = exiftool(&["-j", "-a", "-G1", "-b", path.to_str().unwrap()]);
    serde_json::from_str::<Value>(&out).unwrap()[0].clone()
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 4) as u8, (y * 4) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    pixels.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

fn png() -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(32, 32, |x, _| image::Rgb([x as u8 * 8, 0, 0]));
    let mut out = std::io::Cursor::new(Vec::new());
    pixels.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A photo as a phone takes it: GPS position, the camera's make and serial number, and
/// an embedded thumbnail, written by exiftool itself.
fn photo_with_metadata(dir: &Path) -> Vec<u8> {
    let photo = dir.join("photo.jpg");
    let thumb = dir.join("thumb.jpg");
    std::fs::write(&photo, jpeg(64, 48)).unwrap();
    std::fs::write(&thumb, jpeg(16, 12)).unwrap();
    exiftool(&[
        "-overwrite_original",
        &format!("-GPSLatitude={GPS_LATITUDE}"),
        "-GPSLatitudeRef=S",
        "-GPSLongitude=174.7633",
        "-GPSLongitudeRef=E",
        &format!("-SerialNumber={SERIAL}"),
        &format!("-Make={MAKE}"),
        &format!("-ThumbnailImage<={}", thumb.display()),
        photo.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&photo).unwrap();
    let found = tags(&bytes, dir, "check.jpg");
    assert!(found.get("GPS:GPSLatitude").is_some(), "{found}");
    assert!(found.get("IFD1:ThumbnailImage").is_some(), "{found}");
    assert!(found.to_string().contains(SERIAL), "{found}");
    bytes
}

/// A one-page PDF whose document information and XMP name its author (exiftool writes
/// both, as an incremental update), and whose page gives a phone number.
pub(crate) fn pdf_with_author(dir: &Path) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"BT /F1 12 Tf 72 712 Td (Call the contractor on 021 555 0199) Tj ET".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let path = dir.join("contract.pdf");
    doc.save(&path).unwrap();
    exiftool(&[
        "-overwrite_original",
        &format!("-PDF:Author={AUTHOR}"),
        &format!("-XMP-dc:Creator={AUTHOR}"),
        path.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&path).unwrap();
    assert!(tags(&bytes, dir, "check.pdf").to_string().contains(AUTHOR));
    bytes
}

/// Files for a form: each a name and its bytes.
pub(crate) type Files<'a> = Vec<(&'a str, Vec<u8>)>;

pub(crate) fn report(files: Files) -> Form {
    let mut form = Form::new()
        .text("lang", "en")
        .text("category", "forced_labour")
        .text(
            "body",
            "Workers at the packhouse sleep in a locked shed. Photos attached.",
        )
        .text("location", "")
        .text("region", "unknown");
    for (name, bytes) in files {
        form = form.part("attachments", Part::bytes(bytes).file_name(name.to_owned()));
    }
    form
}

pub(crate) async fn send(app: &TestApp, form: Form) -> (StatusCode, String) {
    let r = app
        .client
        .post(app.url("/?lang=en"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

/// Rows of the tables a report with files writes to.
async fn stored(app: &TestApp) -> (i64, i64, i64) {
    let pool = app.raw_pool().await;
    let mut counts = Vec::new();
    for table in ["tips", "attachments", "attachment_chunks"] {
        counts.push(
            sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&pool)
                .await
                .unwrap(),
        );
    }
    pool.close().await;
    (counts[0], counts[1], counts[2])
}

/// Claims the tip and waits until the worker has dealt with every file of it.
pub(crate) async fn claimed_with_files(handler: &Handler, tip: &str, files: usize) -> Vec<Value> {
    assert_eq!(handler.claim(tip).await.status(), StatusCode::OK);
    for _ in 0..100 {
        let view = handler
            .get_json(&format!("/api/v1/review/tips/{tip}"))
            .await;
        let attachments = view["attachments"].as_array().unwrap().clone();
        if attachments.len() == files && attachments.iter().all(|a| a["state"] != "received") {
            return attachments;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the worker did not strip the files in time");
}

pub(crate) async fn fetch(app: &TestApp, token: &str, url: &str) -> (StatusCode, Vec<u8>) {
    let r = app
        .client
        .get(app.url(url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    (r.status(), r.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn a_photo_and_a_pdf_reach_the_agency_without_what_identifies_the_reporter() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let photo = photo_with_metadata(dir.path());
    let pdf = pdf_with_author(dir.path());
    let note = "My name is Mere Canary, call me on 021 555 0199.\n"
        .as_bytes()
        .to_vec();
    let (status, page) = send(
        &app,
        report(vec![
            ("IMG_0001.jpg", photo),
            ("contract.pdf", pdf),
            ("note.txt", note),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    // Stored sealed: neither the metadata nor the text is in the database.
    for canary in [SERIAL, MAKE, AUTHOR, "Mere Canary", "IMG_0001"] {
        assert!(
            !app.database_contains(canary).await,
            "{canary} stored in the clear"
        );
    }

    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    // The PDF's page, drawn as an image, follows it (`pdf_pages.rs` tests pages).
    let files = claimed_with_files(&handler, &tip, 4).await;
    let kinds: Vec<&str> = files.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["jpeg", "pdf", "pdf", "text"]);
    assert!(files.iter().all(|f| f["state"] == "stripped"), "{files:?}");
    assert_eq!(
        (&files[2]["document"], &files[2]["page"]),
        (&files[1]["id"], &json!(1))
    );
    // The handler sees the stripped copies; the text went through the redaction engine.
    let text = handler.get(files[3]["url"].as_str().unwrap()).await;
    assert_eq!(text.status(), StatusCode::OK);
    let text = text.text().await.unwrap();
    assert!(!text.contains("021 555 0199"), "{text}");
    // The words on the PDF's pages, through the engine, for the handler to judge it by.
    let words = files[1]["found_text"].as_str().unwrap();
    assert!(words.contains("[PHONE-1]"), "{words}");
    assert!(!words.contains("021 555 0199"), "{words}");
    let image = handler.get(files[0]["url"].as_str().unwrap()).await;
    assert_eq!(image.headers()["content-type"], "image/jpeg");

    // Forward the photo and the PDF; the text is withheld by not naming it.
    let ids: Vec<String> = files
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect();
    handler
        .decide_ok(
            &tip,
            &json!({ "action": "forward", "agencies": ["police"], "attachments": [ids[0], ids[1]] }),
        )
        .await;

    let police = app.agency_token("police").await;
    let (status, leased) = app.lease(&police, 10, 60).await;
    assert_eq!(status, StatusCode::OK);
    let case = &leased["cases"][0];
    let document: Value = serde_json::from_str(crate::openapi::DOCUMENT).unwrap();
    crate::openapi::check(&document, "LeasedCase", case);
    let listed = case["attachments"].as_array().unwrap();
    assert_eq!(listed.len(), 2, "{case}");
    let (status, photo) = fetch(&app, &police, listed[0]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let (status, pdf) = fetch(&app, &police, listed[1]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        listed[0]["sha256"].as_str().unwrap(),
        tipline::crypto::sha256_hex(&photo)
    );
    // The signature covers the list, so a changed file (its digest) fails it.
    let keys = app.get_json("/api/v1/agency/signing-key").await;
    let keys: Vec<tipline::crypto::signing::PublicKeyInfo> =
        serde_json::from_value(keys["keys"].clone()).unwrap();
    assert!(tipline::agency::delivered::verify(case, &keys).is_ok());
    let mut altered = case.clone();
    altered["attachments"][0]["sha256"] = json!(tipline::crypto::sha256_hex(b"another file"));
    assert!(tipline::agency::delivered::verify(&altered, &keys).is_err());

    let photo_tags = tags(&photo, dir.path(), "delivered.jpg");
    let names: Vec<&String> = photo_tags.as_object().unwrap().keys().collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("GPS") || n.contains("Thumbnail") || n.starts_with("IFD")),
        "{photo_tags}"
    );
    for canary in [SERIAL, MAKE, GPS_LATITUDE] {
        assert!(!photo_tags.to_string().contains(canary), "{photo_tags}");
    }
    assert_eq!(photo_tags["File:ImageWidth"], 64);
    let pdf_tags = tags(&pdf, dir.path(), "delivered.pdf");
    assert!(!pdf_tags.to_string().contains(AUTHOR), "{pdf_tags}");
    assert!(pdf_tags.get("PDF:Author").is_none(), "{pdf_tags}");
    assert!(pdf_tags.get("XMP-dc:Creator").is_none(), "{pdf_tags}");
    assert!(!String::from_utf8_lossy(&pdf).contains("Canary"));
    assert_eq!(pdf_tags["PDF:PageCount"], 1);

    // The withheld files (the text, the page) never reach an agency, and another agency
    // gets none of them.
    for withheld in &ids[2..] {
        let (status, _) = fetch(
            &app,
            &police,
            &format!("/api/v1/agency/attachments/{withheld}"),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let mbie = app.agency_token("mbie").await;
    for id in &ids {
        let (status, _) = fetch(&app, &mbie, &format!("/api/v1/agency/attachments/{id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // Without credentials, nothing.
    let r = app
        .client
        .get(app.url(listed[0]["url"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // Retention: the sealed originals go, and the copy nobody was sent; the copies the
    // agency holds stay with its case.
    let now = tipline::store::now();
    let later = tipline::store::day_of(now + 91 * 86_400);
    assert_eq!(app.store.apply_retention(&later, 90, now).await.unwrap(), 1);
    let pool = app.raw_pool().await;
    let chunks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attachment_chunks")
        .fetch_one(&pool)
        .await
        .unwrap();
    let copies: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM attachments WHERE stripped_key IS NOT NULL")
            .fetch_one(&pool)
            .await
            .unwrap();
    let copy_chunks: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT attachment_id) FROM attachment_stripped_chunks")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!((chunks, copies, copy_chunks), (0, 2, 2));
    let (status, again) = fetch(&app, &police, listed[0]["url"].as_str().unwrap()).await;
    assert_eq!((status, again), (StatusCode::OK, photo));
}

/// One client's files are budgeted by the hour: past `intake.upload_mb_per_hour` a form
/// is refused with 429, when to come back and a message saying so, and stores nothing;
/// another client is not held back by it.
#[tokio::test]
async fn files_past_a_clients_hourly_budget_are_refused_and_store_nothing() {
    let app = spawn_app_with(|s| s.intake.upload_mb_per_hour = 1).await;
    let text = |byte: u8| vec![byte; 600_000];
    let (status, page) = send(&app, report(vec![("one.txt", text(b'a'))])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let before = stored(&app).await;
    let r = app
        .client
        .post(app.url("/?lang=en"))
        .multipart(report(vec![("two.txt", text(b'b'))]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("as many files as we take in an hour"));
    assert_eq!(stored(&app).await, before);
    // The same on /follow-up.
    let r = app
        .client
        .post(app.url("/follow-up/answer?lang=en"))
        .multipart(
            Form::new()
                .text("receipt", "AAAA-AAAA-AAAA-AAAA")
                .text("answer", "more")
                .part(
                    "attachments",
                    Part::bytes(text(b'c')).file_name("three.txt"),
                ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(stored(&app).await, before);
    // Another address has a budget of its own.
    let other = crate::helpers::client_from(&app.settings.data_dir, "127.0.0.2".parse().unwrap());
    let r = other
        .post(app.url("/?lang=en"))
        .multipart(report(vec![("two.txt", text(b'b'))]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn refused_files_get_a_clear_error_and_store_nothing() {
    let app = spawn_app_with(|s| {
        s.intake.max_attachments = 2;
        s.intake.max_attachment_mb = 1;
    })
    .await;
    let mut cut_png = png();
    cut_png.truncate(cut_png.len() - 20);
    let cases: Vec<(&str, Files, StatusCode, &str)> = vec![
        (
            "wrong type",
            vec![("run.exe", b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff".to_vec())],
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "JPEG, PNG, WebP, HEIC",
        ),
        (
            "zip",
            vec![("a.zip", b"PK\x03\x04\x14\0\0\0\x08\0".to_vec())],
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "PDF documents or plain text",
        ),
        (
            "oversized",
            vec![("big.txt", vec![b'a'; 1_200_000])],
            StatusCode::PAYLOAD_TOO_LARGE,
            "too large",
        ),
        (
            "too many",
            vec![
                ("1.txt", b"one".to_vec()),
                ("2.txt", b"two".to_vec()),
                ("3.txt", b"three".to_vec()),
            ],
            StatusCode::PAYLOAD_TOO_LARGE,
            "too many files",
        ),
        (
            "truncated",
            vec![("ok.png", png()), ("cut.png", cut_png)],
            StatusCode::BAD_REQUEST,
            "incomplete",
        ),
        (
            "empty",
            vec![("empty.jpg", Vec::new())],
            StatusCode::BAD_REQUEST,
            "incomplete",
        ),
    ];
    for (what, files, status, says) in cases {
        let (got, page) = send(&app, report(files)).await;
        assert_eq!(got, status, "{what}: {page}");
        assert!(page.contains(says), "{what}: {page}");
        assert_eq!(stored(&app).await, (0, 0, 0), "{what} stored something");
    }

    // A body cut off in the middle of a file, and one that is no multipart at all.
    let boundary = "tiplinetestboundary";
    let cut = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nother\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.txt\"\r\n\
         Content-Type: text/plain\r\n\r\nthe file goes on and"
    );
    for (what, body) in [("cut off", cut), ("malformed", "no parts here".to_owned())] {
        let r = app
            .client
            .post(app.url("/?lang=en"))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{what}");
        assert!(
            r.text().await.unwrap().contains("could not be read"),
            "{what}"
        );
        assert_eq!(stored(&app).await, (0, 0, 0), "{what} stored something");
    }

    // Every other kind of bad form, each with a file that would have been taken.
    let part = |headers: &str, value: &[u8]| {
        let mut p = format!("--{boundary}\r\nContent-Disposition: form-data; {headers}\r\n\r\n")
            .into_bytes();
        p.extend_from_slice(value);
        p.extend_from_slice(b"\r\n");
        p
    };
    let file = part(
        "name=\"attachments\"; filename=\"ok.png\"\r\nContent-Type: image/png",
        &png(),
    );
    let bad_forms: Vec<(&str, Vec<Vec<u8>>, &str)> = vec![
        (
            "a NUL in the text",
            vec![
                part("name=\"category\"could not be read", b"other"),
                part("name=\"body\"", b"a\0b"),
                file.clone(),
            ],
            "",
        ),
        (
            "text that is not UTF-8",
            vec![part("name=\"body\"", b"caf\xe9"), file.clone()],
            "could not be read",
        ),
        (
            "an unknown field",
            vec![part("name=\"colour\"", b"red"), file.clone()],
            "could not be read",
        ),
        (
            "a file in a text field",
            vec![
                file.clone(),
                part("name=\"body\"; filename=\"x.txt\"", b"words"),
            ],
            "could not be read",
        ),
    ];
    for (what, parts, says) in bad_forms {
        let mut body = parts.concat();
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let r = app
            .client
            .post(app.url("/?lang=en"))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{what}");
        assert!(r.text().await.unwrap().contains(says), "{what}");
        assert_eq!(stored(&app).await, (0, 0, 0), "{what} stored something");
    }
    let r = app
        .client
        .post(app.url("/?lang=en"))
        .header("content-type", "multipart/form-data")
        .body(file)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "no boundary");
    assert_eq!(
        stored(&app).await,
        (0, 0, 0),
        "no boundary stored something"
    );

    // Within the limits, the same form is taken.
    let (status, page) = send(&app, report(vec![("ok.png", png())])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(stored(&app).await.0, 1);
}

#[tokio::test]
async fn a_malformed_file_is_marked_unreadable_and_the_worker_goes_on() {
    let app = spawn_app().await;
    let mut broken = b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec();
    broken.extend_from_slice(&[0x5a; 4000]);
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\x08free".to_vec();
    let (status, page) = send(&app, report(vec![("a.jpg", broken), ("b.heic", heic)])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let (status, page) = send(&app, report(vec![("c.png", png())])).await;
    assert_eq!(status, StatusCode::OK, "{page}");

    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tips = app.wait_for_pending(&handler, 2).await;
    let mut seen = Vec::new();
    for tip in &tips {
        let tip = tip["id"].as_str().unwrap();
        let n = stored_files(&app, tip).await;
        let files = claimed_with_files(&handler, tip, n).await;
        seen.push((tip.to_owned(), files));
    }
    seen.sort_by_key(|(_, files)| files.len());
    let (good_tip, good) = &seen[0];
    assert_eq!(good[0]["state"], "stripped", "{good:?}");
    // A stripped copy's key is a data-key ciphertext like any other: `tipline reencrypt`
    // moves it to a new key, in its place.
    let path = tipline::crypto::keys::Keys::data_key_path(&app.settings.data_dir);
    let old = tipline::crypto::keyring_file::load(&path, 32).unwrap();
    let fresh = tipline::crypto::random_bytes::<32>().to_vec();
    let both = DataKeys::from_secrets(&[fresh.clone(), old[0].clone()]);
    let done = app
        .store
        .reencrypt_column(Column::AttachmentStrippedKey, 100, |context, sealed| {
            both.reencrypt(context, sealed)
        })
        .await
        .unwrap();
    assert_eq!(done.rewritten, 1, "{done:?}");
    let fresh_alone = DataKeys::from_secrets(&[fresh]);
    let readable = app
        .store
        .reencrypt_column(Column::AttachmentStrippedKey, 100, |context, sealed| {
            fresh_alone.decrypt(context, sealed).map(|_| None)
        })
        .await
        .unwrap();
    assert_eq!((readable.current, readable.unreadable), (1, 0));
    let (bad_tip, bad) = &seen[1];
    assert_eq!(bad[0]["state"], "unreadable");
    assert!(bad[0]["note"]
        .as_str()
        .unwrap()
        .contains("could not be read"));
    // A HEIC that is no more than its first box (`heic.rs` has whole and cut photos).
    assert_eq!(bad[1]["state"], "unreadable");
    assert!(bad[1]["note"]
        .as_str()
        .unwrap()
        .contains("could not be read"));
    // An unreadable file cannot be forwarded; the tip can, without it.
    let r = handler
        .decide(
            bad_tip,
            &json!({ "action": "forward", "agencies": ["police"], "attachments": [bad[0]["id"]] }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.text().await.unwrap().contains("not a stripped file"));
    let r = handler
        .decide(
            bad_tip,
            &json!({ "action": "forward", "agencies": ["police"] }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = handler
        .decide(
            good_tip,
            &json!({ "action": "forward", "agencies": ["police"], "attachments": [good[0]["id"]] }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    // The review page shows the handler why a file is withheld.
    let police = app.agency_token("police").await;
    let (_, leased) = app.lease(&police, 10, 60).await;
    let listed: usize = leased["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["attachments"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(listed, 1, "{leased}");
}

/// How many files the worker was given for a tip.
async fn stored_files(app: &TestApp, tip: &str) -> usize {
    let pool = app.raw_pool().await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attachments WHERE tip_id = $1")
        .bind(tip)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n as usize
}

/// Damaged files (a photo with metadata, a PDF with an author, a HEIC photo with GPS,
/// bytes changed at random places or cut short) never stop the stripper, and whatever
/// comes out carries none of the metadata. `strip` turns a parser's panic into
/// `Malformed`, and a HEIC is decoded in a child process (`heic.rs` has more): that it
/// returns at all, and what it returns, is the property.
#[test]
fn damaged_files_are_stripped_or_refused_never_leaked() {
    use proptest::prelude::*;
    use tipline::attachments::{strip, AttachmentKind};
    let dir = tempfile::tempdir().unwrap();
    let seeds = [
        (AttachmentKind::Jpeg, photo_with_metadata(dir.path())),
        (AttachmentKind::Pdf, pdf_with_author(dir.path())),
        (AttachmentKind::Png, png()),
        (
            AttachmentKind::Heif,
            include_bytes!("../fixtures/photo.heic").to_vec(),
        ),
    ];
    let redact = |text: &str| Some(text.to_owned());
    let heif = tipline::worker::heif::HeifDecoder::new(&tipline::config::AttachmentSettings {
        renderer: Some(env!("CARGO_BIN_EXE_tipline").into()),
        ..tipline::config::Settings::default().attachments
    })
    .unwrap();
    let decode_heif = |file: &[u8]| heif.decode(file);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(96));
    runner
        .run(
            &(
                0..seeds.len(),
                proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
                any::<prop::sample::Index>(),
            ),
            |(seed, changes, cut)| {
                let (kind, original) = &seeds[seed];
                let mut damaged = original.clone();
                for (at, byte) in changes {
                    let at = at.index(damaged.len());
                    damaged[at] = byte;
                }
                damaged.truncate(cut.index(damaged.len()) + 1);
                if let Ok(copy) = strip(*kind, &damaged, &redact, &decode_heif) {
                    let text = String::from_utf8_lossy(copy.bytes());
                    for canary in [SERIAL, MAKE, "Canary-Author"] {
                        prop_assert!(!text.contains(canary), "{canary} kept");
                    }
                    prop_assert!(!copy.bytes().windows(4).any(|w| w == b"Exif"));
                }
                Ok(())
            },
        )
        .unwrap();
}

#[tokio::test]
async fn a_blacked_out_region_is_gone_from_the_forwarded_image() {
    let app = spawn_app().await;
    let original = png();
    let (status, page) = send(
        &app,
        report(vec![
            ("face.png", original.clone()),
            ("n.txt", b"note".to_vec()),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 2).await;
    let (image, text) = (
        files[0]["id"].as_str().unwrap(),
        files[1]["id"].as_str().unwrap(),
    );
    let black_out = |file: &str| format!("/api/v1/review/tips/{tip}/attachments/{file}/black-out");

    // Through the API, and through the console's form.
    let r = handler
        .post_json(
            &black_out(image),
            &json!({ "x": 4, "y": 4, "width": 8, "height": 8 }),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::NO_CONTENT,
        "{}",
        r.text().await.unwrap()
    );
    let page = handler
        .get(&format!("/console/tips/{tip}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Files from the reporter"), "{page}");
    assert!(page.contains(&format!("/console/tips/{tip}/attachments/{image}")));
    let csrf = crate::console_pages::csrf_of(&page);
    let r = handler
        .client
        .post(app.url(&format!(
            "/console/tips/{tip}/attachments/{image}/black-out"
        )))
        .form(&[
            ("csrf", csrf.as_str()),
            ("x", "20"),
            ("y", "0"),
            ("width", "12"),
            ("height", "2"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{}", r.url());
    assert!(r.text().await.unwrap().contains("Blacked out"));
    // A region outside the image, or a file that is no image: a clear refusal.
    for (file, region, says) in [
        (
            image,
            json!({ "x": 30, "y": 0, "width": 8, "height": 8 }),
            "32 x 32",
        ),
        (
            image,
            json!({ "x": 0, "y": 0, "width": 0, "height": 8 }),
            "at least 1 pixel",
        ),
        (
            text,
            json!({ "x": 0, "y": 0, "width": 1, "height": 1 }),
            "only an image",
        ),
    ] {
        let r = handler.post_json(&black_out(file), &region).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        assert!(r.text().await.unwrap().contains(says), "{says}");
    }

    let r = handler
        .decide(
            &tip,
            &json!({ "action": "forward", "agencies": ["police"], "attachments": [image] }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let police = app.agency_token("police").await;
    let (_, leased) = app.lease(&police, 10, 60).await;
    let url = leased["cases"][0]["attachments"][0]["url"]
        .as_str()
        .unwrap();
    let (status, sent) = fetch(&app, &police, url).await;
    assert_eq!(status, StatusCode::OK);
    let sent = image::load_from_memory(&sent).unwrap().to_rgb8();
    let before = image::load_from_memory(&original).unwrap().to_rgb8();
    for (x, y, pixel) in sent.enumerate_pixels() {
        let blacked = (4..12).contains(&x) && (4..12).contains(&y) || x >= 20 && y < 2;
        if blacked {
            assert_eq!(pixel.0, [0, 0, 0], "({x}, {y}) kept its pixel");
        } else {
            assert_eq!(pixel, before.get_pixel(x, y), "({x}, {y}) changed");
        }
    }
    // Once sent, the copy no longer changes.
    let r = handler
        .post_json(
            &black_out(image),
            &json!({ "x": 0, "y": 0, "width": 1, "height": 1 }),
        )
        .await;
    assert_ne!(r.status(), StatusCode::NO_CONTENT);
    let pool = app.raw_pool().await;
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'black_out'")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!(audited, 2);
}

/// A 20 MB file streams through the real binary without the process growing by anything
/// like its size: it is sealed and stored a chunk at a time. (Cut short at its end, it is
/// then refused, and nothing of it stays.)
#[tokio::test]
async fn memory_stays_flat_while_a_large_file_streams_in() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (url, _database) = crate::helpers::fresh_database(dir.path()).await;
    let serve = crate::processes::ServeProcess::start(&data_dir, &url, &[]).await;
    let client = serve.client();
    let send = |size: usize| {
        let mut file = b"%PDF-1.7\n".to_vec();
        file.resize(size, b' ');
        let form = report(vec![("big.pdf", file)]);
        client
            .post(format!("{}/?lang=en", serve.base))
            .multipart(form)
            .send()
    };
    // Warm up (connections, caches, the first chunk's allocations), then measure.
    let r = send(2_000_000).await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let before = serve.peak_memory();
    let r = send(19_900_000).await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.text().await.unwrap().contains("incomplete"));
    let grown = serve.peak_memory().saturating_sub(before);
    println!("peak memory grew by {grown} bytes while 19.9 MB streamed in");
    assert!(
        grown < 8 * 1024 * 1024,
        "the server's peak memory grew by {grown} bytes for a 19.9 MB file"
    );
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let chunks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attachment_chunks")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(chunks, 0);
    pool.close().await;
}

/// Files added on `/follow-up` come with the reporter's message: the handler sees them
/// with it, and a file goes (as an update's) only if its message is forwarded too.
#[tokio::test]
async fn files_sent_with_a_follow_up_go_with_the_message() {
    let app = spawn_app().await;
    let receipt = app
        .submit_ok("forced_labour", "They keep us in a shed at the orchard.")
        .await;
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    handler.forward(&tip, &["police"]).await;
    let police = app.agency_token("police").await;
    let (_, first) = app.lease(&police, 10, 60).await;
    assert_eq!(first["cases"].as_array().unwrap().len(), 1);

    let follow_up = |receipt: &str| {
        Form::new()
            .text("lang", "en")
            .text("receipt", receipt.to_owned())
            .text("answer", "Here is a photo of the shed.")
            .part("attachments", Part::bytes(png()).file_name("shed.png"))
    };
    // A code that names no report: the same page as ever, and nothing kept.
    let r = app
        .client
        .post(app.url("/follow-up/answer?lang=en"))
        .multipart(follow_up("AAAA-AAAA-AAAA-AAAA-AAAA"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(stored(&app).await, (1, 0, 0));
    let r = app
        .client
        .post(app.url("/follow-up/answer?lang=en"))
        .multipart(follow_up(&receipt))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("We have what you added"));

    assert_eq!(handler.claim(&tip).await.status(), StatusCode::OK);
    let files = claimed_with_files(&handler, &tip, 1).await;
    let view = handler
        .get_json(&format!("/api/v1/review/tips/{tip}"))
        .await;
    let message = view["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["author"] == "reporter")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(files[0]["message"], message);
    assert_eq!(files[0]["state"], "stripped");
    // Not with the message withheld.
    let r = handler
        .decide(
            &tip,
            &json!({ "action": "update", "messages": [{ "id": message, "withhold": true }],
                     "attachments": [files[0]["id"]] }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.text().await.unwrap().contains("not forwarded now"));
    handler
        .decide_ok(
            &tip,
            &json!({ "action": "update", "messages": [{ "id": message }],
                     "attachments": [files[0]["id"]] }),
        )
        .await;
    let (_, leased) = app.lease(&police, 10, 60).await;
    let update = &leased["cases"][0];
    assert_eq!(update["kind"], "update", "{leased}");
    let listed = update["attachments"].as_array().unwrap();
    assert_eq!(listed.len(), 1);
    let (status, _) = fetch(&app, &police, listed[0]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
}

/// A file as a browser seals it (`static/files.js`): its line of JSON (the id it chose,
/// the type it found, its content key sealed to the intake key), then each chunk sealed
/// under that key as a 4-byte length and its bytes.
fn sealed_file(key: &Value, id: &str, kind: &str, content: &[u8]) -> (Vec<u8>, Vec<Vec<u8>>) {
    use tipline::crypto::stream::{ContentKey, CHUNK_BYTES};
    let public = tipline::crypto::from_b64url(key["public_key"].as_str().unwrap()).unwrap();
    let content_key = ContentKey::generate();
    let place = format!("attachment:{id}:key");
    let sealed_key =
        tipline::crypto::sealing::seal_bound_to_public_key(&public, &place, content_key.as_bytes())
            .unwrap();
    let mut out =
        serde_json::to_vec(&json!({ "id": id, "kind": kind, "key": sealed_key })).unwrap();
    out.push(b'\n');
    let pieces: Vec<&[u8]> = content.chunks(CHUNK_BYTES).collect();
    let mut chunks = Vec::new();
    for (n, piece) in pieces.iter().enumerate() {
        let place = format!("attachment:{id}:chunk");
        let chunk = content_key.seal_chunk(&place, n as u64, n + 1 == pieces.len(), piece);
        out.extend_from_slice(&(chunk.len() as u32).to_be_bytes());
        out.extend_from_slice(&chunk);
        chunks.push(chunk);
    }
    (out, chunks)
}

fn with_sealed(form: Form, sealed: Vec<Vec<u8>>) -> Form {
    sealed.into_iter().fold(form, |form, bytes| {
        form.part("sealed_attachments", Part::bytes(bytes).file_name("sealed"))
    })
}

/// A form refused at the start of a large file is still read to its end (within the
/// limit), so the client, still sending, gets the answer: a connection closed with its
/// body unread is reset, and the client would see a broken pipe instead.
#[tokio::test]
async fn a_form_refused_early_is_answered_not_cut_off() {
    let app = spawn_app().await;
    let mut file = b"{\"id\": \"not-an-id\"}\n".to_vec();
    file.resize(8_000_000, 0);
    for _ in 0..3 {
        let before = stored(&app).await;
        let (status, page) = send(&app, with_sealed(report(vec![]), vec![file.clone()])).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
        assert!(page.contains("could not be read"), "{page}");
        assert_eq!(stored(&app).await, before);
    }
}

/// The broken pipe once seen sending `a_photo_and_a_pdf_...`'s form: its thread ran
/// exiftool (blocking) for as long as the server keeps an idle connection, and the
/// client, not polled meanwhile, sent the form on the connection the server had closed.
/// The tests' client no longer reuses a connection idle for that long.
#[tokio::test]
async fn a_form_sent_after_the_thread_was_busy_past_the_keep_alive_is_answered() {
    let app = spawn_app().await;
    for _ in 0..2 {
        let r = app.client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        std::thread::sleep(tipline::http::KEEP_ALIVE + Duration::from_millis(500));
        let (status, page) = send(&app, report(vec![("note.txt", vec![b'a'; 300_000])])).await;
        assert_eq!(status, StatusCode::OK, "{page}");
    }
}

/// Files sealed in the browser are stored as the browser sealed them, never seen by
/// the service; the worker opens them, checks each one's type by its content, and
/// withholds one that is not what it was sent as, which the handler and the reporter
/// are told. Sealed files that are malformed get a clear error and store nothing.
#[tokio::test]
async fn files_sealed_in_the_browser_are_stored_unseen_and_checked_once_opened() {
    let app = spawn_app().await;
    let key: Value = app
        .client
        .get(app.url("/api/v1/intake-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let canary = "CANARY-SEALED-7731";
    let long_text = format!("{canary} The roster for the week.\n").repeat(20_000);
    assert!(long_text.len() > 2 * tipline::crypto::stream::CHUNK_BYTES);
    let (photo, photo_chunks) = sealed_file(&key, "a1a1a1a1a1a1a1a1", "png", &png());
    let (text, text_chunks) = sealed_file(&key, "b2b2b2b2b2b2b2b2", "text", long_text.as_bytes());
    // Text that calls itself a JPEG: the service cannot tell; the worker can.
    let (liar, _) = sealed_file(
        &key,
        "c3c3c3c3c3c3c3c3",
        "jpeg",
        format!("{canary} not a photo at all").as_bytes(),
    );
    let (status, page) = send(&app, with_sealed(report(vec![]), vec![photo, text, liar])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let receipt = crate::reporter_pages::receipt_in(&page);

    // What is stored is exactly what the browser sealed, and holds nothing readable.
    let pool = app.raw_pool().await;
    let rows: Vec<(String, i64, Vec<u8>)> = sqlx::query_as(
        "SELECT attachment_id, n, ct FROM attachment_chunks ORDER BY attachment_id, n",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    let numbered = |id: &str, chunks: Vec<Vec<u8>>| {
        chunks
            .into_iter()
            .enumerate()
            .map(|(n, c)| (id.to_owned(), n as i64, c))
            .collect::<Vec<_>>()
    };
    let mut sent = numbered("a1a1a1a1a1a1a1a1", photo_chunks);
    sent.extend(numbered("b2b2b2b2b2b2b2b2", text_chunks));
    assert_eq!(
        rows.len(),
        sent.len() + 1,
        "every chunk stored, one row each"
    );
    assert_eq!(
        rows[..sent.len()],
        sent[..],
        "stored as the browser sealed them"
    );
    assert!(rows
        .iter()
        .all(|(_, _, ct)| !ct.windows(canary.len()).any(|w| w == canary.as_bytes())));

    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 3).await;
    assert_eq!(files[0]["state"], "stripped", "{files:?}");
    assert_eq!(files[0]["stripped_kind"], "png");
    assert_eq!(files[1]["state"], "stripped", "{files:?}");
    assert_eq!(files[2]["state"], "unreadable", "{files:?}");
    assert!(
        files[2]["note"]
            .as_str()
            .unwrap()
            .contains("not what it was sent as"),
        "{files:?}"
    );
    // The handler sees the stripped copy of a file the service never saw.
    let url = files[0]["url"].as_str().unwrap();
    let copy = handler.get(url).await.bytes().await.unwrap();
    let decoded = image::load_from_memory(&copy).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (32, 32));

    // The reporter is told on /follow-up which file was not used, and why.
    let r = app
        .client
        .post(app.url("/follow-up?lang=en"))
        .form(&[("lang", "en"), ("receipt", receipt.as_str())])
        .send()
        .await
        .unwrap();
    let page = r.text().await.unwrap();
    assert!(
        page.contains("File 3: it is not the kind of file it seemed to be"),
        "{page}"
    );
    assert!(!page.contains("File 1:") && !page.contains("File 2:"));

    // Malformed sealed files: a clear error each, and nothing stored.
    let before = stored(&app).await;
    let (good, _) = sealed_file(&key, "d4d4d4d4d4d4d4d4", "png", &png());
    let mut cut = good.clone();
    cut.truncate(good.len() - 5);
    let mut long_frame = good.clone();
    let at = good.iter().position(|&b| b == b'\n').unwrap() + 1;
    long_frame[at..at + 4].copy_from_slice(&(1u32 << 24).to_be_bytes());
    let (unknown_kind, _) = sealed_file(&key, "e5e5e5e5e5e5e5e5", "gif", &png());
    let (taken, _) = sealed_file(&key, "a1a1a1a1a1a1a1a1", "png", &png());
    let (bad_id, _) = sealed_file(&key, "not-an-id", "png", &png());
    let (sealed_to_current, _) = sealed_file(&key, "f6f6f6f6f6f6f6f6", "png", &png());
    let key_id = key["key_id"].as_str().unwrap();
    let line_end = sealed_to_current.iter().position(|&b| b == b'\n').unwrap();
    let mut unknown_key = std::str::from_utf8(&sealed_to_current[..line_end])
        .unwrap()
        .replacen(key_id, "0000000000000000", 1)
        .into_bytes();
    unknown_key.extend_from_slice(&sealed_to_current[line_end..]);
    assert_ne!(unknown_key, sealed_to_current);
    let (short_first, _) = sealed_file(&key, "a7a7a7a7a7a7a7a7", "text", b"short");
    let (second, _) = sealed_file(&key, "a7a7a7a7a7a7a7a7", "text", b"more");
    let mut short_middle = short_first.clone();
    short_middle.extend_from_slice(&second[second.iter().position(|&b| b == b'\n').unwrap() + 1..]);
    let header_only = good[..at].to_vec();
    for (what, bytes, status, says) in [
        ("cut short", cut, StatusCode::BAD_REQUEST, "incomplete"),
        (
            "a chunk too long",
            long_frame,
            StatusCode::BAD_REQUEST,
            "could not be read",
        ),
        (
            "an unknown type",
            unknown_kind,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "type",
        ),
        (
            "a taken id",
            taken,
            StatusCode::BAD_REQUEST,
            "could not be read",
        ),
        (
            "a malformed id",
            bad_id,
            StatusCode::BAD_REQUEST,
            "could not be read",
        ),
        (
            "an unknown key",
            unknown_key,
            StatusCode::BAD_REQUEST,
            "could not be read",
        ),
        (
            "a short chunk before another",
            short_middle,
            StatusCode::BAD_REQUEST,
            "could not be read",
        ),
        (
            "no chunk",
            header_only,
            StatusCode::BAD_REQUEST,
            "incomplete",
        ),
        (
            "no line of JSON",
            b"\x89PNG".to_vec(),
            StatusCode::BAD_REQUEST,
            "could not be read",
        ),
    ] {
        let (status_was, page) = send(&app, with_sealed(report(vec![]), vec![bytes])).await;
        assert_eq!(status_was, status, "{what}: {page}");
        assert!(page.contains(says), "{what}: {page}");
        assert_eq!(stored(&app).await, before, "{what} stored something");
    }
}
