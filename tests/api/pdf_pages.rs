//! A PDF's pages drawn as images by the worker, in a child process (the real binary's
//! `render-pdf`), so a handler can black out a name printed on a page and forward the
//! page instead of the document (issue 12).

use crate::attachments::{claimed_with_files, fetch, report, send};
use crate::helpers::{spawn_app, spawn_app_with};
use lopdf::{dictionary, Document, Object, ObjectId, Stream};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::domain::HandlerRole;

/// A PDF of 300 x 200 pt pages, each showing its line in 24 pt Helvetica near the top.
fn pdf(lines: &[&str]) -> Vec<u8> {
    pdf_drawing_first(lines, (300, 200), |_| (Vec::new(), dictionary! {}))
}

/// The same with pages of `size` (points), the first page drawing first what `more`
/// adds to the document (content, and the page resources it needs).
fn pdf_drawing_first(
    lines: &[&str],
    (width, height): (i64, i64),
    more: impl FnOnce(&mut Document) -> (Vec<u8>, lopdf::Dictionary),
) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let (first_content, first_resources) = more(&mut doc);
    let mut first = Some((first_content, first_resources));
    let mut kids: Vec<Object> = Vec::new();
    for line in lines {
        let mut resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        let mut content = Vec::new();
        if let Some((drawn, needed)) = first.take() {
            content = drawn;
            content.push(b'\n');
            resources.extend(&needed);
        }
        content.extend_from_slice(format!("BT /F1 24 Tf 20 150 Td ({line}) Tj ET").as_bytes());
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), width.into(), height.into()],
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A one-page PDF made to hold a renderer for ever: each form draws the next ten times,
/// nine deep, so the page is a billion rectangles (a few hundred bytes of file).
fn pdf_that_never_finishes() -> Vec<u8> {
    pdf_drawing_first(&["Hostile payslip"], (300, 200), |doc| {
        let bbox = || vec![0.into(), 0.into(), 300.into(), 200.into()];
        let mut inner: ObjectId = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => bbox() },
            b"0.5 g 0 0 300 200 re f".to_vec(),
        ));
        for _ in 0..9 {
            inner = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Form",
                    "BBox" => bbox(),
                    "Resources" => dictionary! { "XObject" => dictionary! { "X" => inner } },
                },
                "/X Do ".repeat(10).into_bytes(),
            ));
        }
        (
            b"/X Do".to_vec(),
            dictionary! { "XObject" => dictionary! { "X" => inner } },
        )
    })
}

/// The bounding box (x, y, width, height) of a page's dark pixels.
fn dark_box(page: &image::RgbImage) -> Option<(u32, u32, u32, u32)> {
    let dark: Vec<(u32, u32)> = page
        .enumerate_pixels()
        .filter(|(_, _, p)| p.0.iter().map(|&c| u32::from(c)).sum::<u32>() < 3 * 128)
        .map(|(x, y, _)| (x, y))
        .collect();
    let left = dark.iter().map(|d| d.0).min()?;
    let top = dark.iter().map(|d| d.1).min()?;
    let right = dark.iter().map(|d| d.0).max()?;
    let bottom = dark.iter().map(|d| d.1).max()?;
    Some((left, top, right - left + 1, bottom - top + 1))
}

#[tokio::test]
async fn a_pdfs_pages_are_shown_blacked_out_and_sent_without_the_document() {
    let app = spawn_app().await;
    let payslip = pdf(&["Payslip: Mere Canary", "Hours: 72 a week"]);
    let (status, page) = send(&app, report(vec![("payslip.pdf", payslip)])).await;
    assert_eq!(status, StatusCode::OK, "{page}");

    // The PDF, then each page drawn as an image, to the claim holder.
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 3).await;
    let document = files[0]["id"].as_str().unwrap();
    assert_eq!(files[0]["stripped_kind"], "pdf", "{files:?}");
    assert!(files[0]["pages_note"].is_null(), "{files:?}");
    assert!(files[0]["found_text"].as_str().unwrap().contains("Payslip"));
    for (n, file) in files[1..].iter().enumerate() {
        assert_eq!(file["state"], "stripped");
        assert_eq!(file["stripped_kind"], "png");
        assert_eq!(file["document"], document);
        assert_eq!(file["page"], json!(n + 1));
        assert_eq!(file["position"], 1);
    }
    let (first, second) = (
        files[1]["id"].as_str().unwrap(),
        files[2]["id"].as_str().unwrap(),
    );
    let r = handler.get(files[1]["url"].as_str().unwrap()).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/png");
    let drawn = image::load_from_memory(&r.bytes().await.unwrap())
        .unwrap()
        .to_rgb8();
    // 300 x 200 pt at 150 dpi.
    assert_eq!(drawn.dimensions(), (625, 416));
    let (x, y, width, height) = dark_box(&drawn).expect("the name is drawn on the page");
    assert!(
        y < 150 && width > 200 && height > 10,
        "the line near the top: {x},{y} {width}x{height}"
    );
    let console = handler
        .get(&format!("/console/tips/{tip}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        console.contains(&format!(
            "<img class=\"attachment-preview\" src=\"/console/tips/{tip}/attachments/{first}\""
        )),
        "{console}"
    );
    assert!(console.contains("File 1, page 2: drawn as an image"));
    assert!(console.contains("the PDF document itself: its words cannot be blacked out"));

    // The name blacked out on the page, with a pixel to spare each way.
    let region = json!({
        "x": x - 1, "y": y - 1, "width": width + 2, "height": height + 2,
    });
    let r = handler
        .post_json(
            &format!("/api/v1/review/tips/{tip}/attachments/{first}/black-out"),
            &region,
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);

    // The first page goes; the second page and the document itself are withheld.
    handler
        .decide_ok(
            &tip,
            &json!({ "action": "forward", "agencies": ["police"], "attachments": [first] }),
        )
        .await;
    let police = app.agency_token("police").await;
    let (status, leased) = app.lease(&police, 10, 60).await;
    assert_eq!(status, StatusCode::OK);
    let case = &leased["cases"][0];
    let contract: Value = serde_json::from_str(crate::openapi::DOCUMENT).unwrap();
    crate::openapi::check(&contract, "LeasedCase", case);
    let listed = case["attachments"].as_array().unwrap();
    assert_eq!(listed.len(), 1, "{case}");
    assert_eq!(
        (
            &listed[0]["id"],
            &listed[0]["media_type"],
            &listed[0]["document"],
            &listed[0]["page"]
        ),
        (
            &json!(first),
            &json!("image/png"),
            &json!(document),
            &json!(1)
        )
    );
    let keys = app.get_json("/api/v1/agency/signing-key").await;
    let keys: Vec<tipline::crypto::signing::PublicKeyInfo> =
        serde_json::from_value(keys["keys"].clone()).unwrap();
    assert!(tipline::agency::delivered::verify(case, &keys).is_ok());
    let mut altered = case.clone();
    altered["attachments"][0]["page"] = json!(2);
    assert!(tipline::agency::delivered::verify(&altered, &keys).is_err());

    let (status, sent) = fetch(&app, &police, listed[0]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        listed[0]["sha256"].as_str().unwrap(),
        tipline::crypto::sha256_hex(&sent)
    );
    let sent = image::load_from_memory(&sent).unwrap().to_rgb8();
    assert_eq!(sent.dimensions(), drawn.dimensions());
    let inside = |px: u32, py: u32| {
        (x - 1..x + width + 1).contains(&px) && (y - 1..y + height + 1).contains(&py)
    };
    for (px, py, pixel) in sent.enumerate_pixels() {
        if inside(px, py) {
            assert_eq!(pixel.0, [0, 0, 0], "({px}, {py}) kept its pixel");
        } else {
            assert_eq!(pixel, drawn.get_pixel(px, py), "({px}, {py}) changed");
        }
    }
    // Nothing of the name is left outside the black: the page is white there.
    assert!(sent
        .enumerate_pixels()
        .filter(|(px, py, _)| !inside(*px, *py))
        .all(|(_, _, p)| p.0 == [255, 255, 255]));

    // What was withheld is no file to the agency.
    for withheld in [document, second] {
        let (status, _) = fetch(
            &app,
            &police,
            &format!("/api/v1/agency/attachments/{withheld}"),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{withheld}");
    }
}

#[tokio::test]
async fn a_pdf_that_holds_the_renderer_is_stopped_and_the_worker_goes_on() {
    let app = spawn_app_with(|s| s.attachments.render_seconds = 2).await;
    let (status, page) = send(
        &app,
        report(vec![
            ("hostile.pdf", pdf_that_never_finishes()),
            ("fine.pdf", pdf(&["Roster"])),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let started = std::time::Instant::now();
    let files = claimed_with_files(&handler, &tip, 3).await;
    // Stopped at its deadline, not drawn to the end.
    assert!(started.elapsed() < std::time::Duration::from_secs(9));

    // The hostile PDF is still reviewable as today: stripped, its words read, with a note
    // that its pages could not be shown; and the file after it got its page.
    assert_eq!(files[0]["state"], "stripped", "{files:?}");
    assert!(
        files[0]["pages_note"]
            .as_str()
            .unwrap()
            .contains("could not be shown as images"),
        "{files:?}"
    );
    assert!(files[0]["found_text"].as_str().unwrap().contains("Hostile"));
    assert!(files[0]["url"].is_string());
    assert_eq!(files[1]["stripped_kind"], "pdf");
    assert!(files[1]["pages_note"].is_null());
    assert_eq!(
        (&files[2]["document"], &files[2]["page"]),
        (&files[1]["id"], &json!(1))
    );
    let console = handler
        .get(&format!("/console/tips/{tip}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(console.contains("its pages could not be shown as images"));
}

#[tokio::test]
async fn a_renderer_that_cannot_start_leaves_the_pdf_reviewable_with_a_note() {
    let app = spawn_app_with(|s| {
        s.attachments.renderer = Some("/nonexistent/tipline".into());
    })
    .await;
    let (status, page) = send(&app, report(vec![("a.pdf", pdf(&["Roster"]))])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 1).await;
    assert_eq!(files[0]["state"], "stripped", "{files:?}");
    assert!(files[0]["pages_note"]
        .as_str()
        .unwrap()
        .contains("could not be shown"));
    // Withheld unless ticked: a decision naming none sends no file.
    let r = handler
        .decide(
            &tip,
            &json!({ "action": "forward", "agencies": ["police"] }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let police = app.agency_token("police").await;
    let (_, leased) = app.lease(&police, 10, 60).await;
    assert!(leased["cases"][0].get("attachments").is_none());
    let id = files[0]["id"].as_str().unwrap();
    let (status, _) = fetch(&app, &police, &format!("/api/v1/agency/attachments/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_page_the_renderer_has_not_the_memory_for_is_not_drawn() {
    // 1000 x 1000 pt at 600 dpi, within the pixel cap, is 200 MB of pixels: past the
    // renderer's 128 MB of address space, so its allocation fails and it stops.
    let app = spawn_app_with(|s| {
        s.attachments.render_memory_mb = 128;
        s.attachments.pdf_dpi = 600;
        s.attachments.pdf_max_pixels = 50_000_000;
    })
    .await;
    let big = pdf_drawing_first(&["Poster"], (1000, 1000), |_| (Vec::new(), dictionary! {}));
    let (status, page) = send(&app, report(vec![("poster.pdf", big)])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 1).await;
    assert_eq!(files[0]["state"], "stripped", "{files:?}");
    assert!(files[0]["pages_note"]
        .as_str()
        .unwrap()
        .contains("its pages could not be shown as images"));
    assert!(files[0]["found_text"].as_str().unwrap().contains("Poster"));
}
