//! Invariant 7 for the signed-in endpoints: the review JSON API and every console form
//! (claim, decision, questions, preview, reassign, handlers, agency tokens, account
//! password and TOTP, settings), each reached with a live session (and the form's CSRF
//! token), times every class of bad body, plus a NUL and a malformed id in the path:
//! a 4xx that says what was wrong, no row changed (every row of every table compared),
//! and other clients still served. Routes that take no body (the JSON claim and
//! release, the audit log) get the bad path and the header classes.

use crate::bad_input_matrix::{
    another_client_is_served, bad_input_app, cases, deep_json, url_encoded, with_huge_header_count,
    Endpoint, Kind,
};
use crate::helpers::TestApp;
use reqwest::StatusCode;
use serde_json::json;
use tipline::domain::HandlerRole;

/// A client without a cookie jar: it sends exactly the headers given.
fn bare_client(app: &TestApp) -> reqwest::Client {
    let pem = std::fs::read(app.settings.data_dir.join("dev-cert.pem")).unwrap();
    reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Signs in and returns the session cookie (`name=value`).
async fn session_cookie(app: &TestApp, username: &str, password: &str) -> String {
    let r = bare_client(app)
        .post(app.url("/api/v1/review/login"))
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("__Host-tipline_session="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

/// A request with the session cookie (and no other).
async fn send(
    app: &TestApp,
    cookie: &str,
    path: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, String) {
    let r = bare_client(app)
        .post(app.url(path))
        .header("cookie", cookie)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.text().await.unwrap())
}

/// The signed-in routes that take a body, each with what it needs to get that far:
/// an administrator's session (every role's routes), the CSRF token of the session for
/// the forms, a tip the administrator holds, an enrolment in progress.
async fn endpoints(app: &TestApp, cookie: &str, tip: &str) -> Vec<Endpoint> {
    let page = bare_client(app)
        .get(app.url("/console/account"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let signed = |rest: &str| {
        if rest.is_empty() {
            format!("csrf={csrf}").into_bytes()
        } else {
            format!("csrf={csrf}&{rest}").into_bytes()
        }
    };
    let session = vec![("cookie", cookie.to_owned())];
    let deep = deep_json();
    let deep_field = url_encoded(&deep);
    let json = |path: String, valid: &str, nul: (&str, &'static str), nested: String| Endpoint {
        path: path.clone(),
        kind: Kind::Json,
        headers: session.clone(),
        valid: valid.as_bytes().to_vec(),
        nul: (
            path,
            nul.0.as_bytes().to_vec(),
            StatusCode::BAD_REQUEST,
            nul.1,
        ),
        nested: Some((
            nested.into_bytes(),
            StatusCode::BAD_REQUEST,
            "malformed JSON",
        )),
    };
    // A console form: its valid fields, the NUL (in the body, or in the path when none
    // of its fields is text) and what a deeply nested value in a field gets.
    type Answer = (StatusCode, &'static str);
    let form = |path: &str,
                valid: &str,
                nul: (&str, &str, Answer),
                nested: Option<(&str, Answer)>| Endpoint {
        path: path.to_owned(),
        kind: Kind::Console,
        headers: session.clone(),
        valid: signed(valid),
        nul: (nul.0.to_owned(), signed(nul.1), nul.2 .0, nul.2 .1),
        nested: nested.map(|(fields, (status, says))| (signed(fields), status, says)),
    };
    let no_tip = (StatusCode::NOT_FOUND, "no such tip");
    let no_handler = (StatusCode::NOT_FOUND, "no such handler");
    // A form whose fields hold no text (only its token): the NUL goes in its path.
    let no_route = (StatusCode::NOT_FOUND, "no such endpoint");
    let tips = format!("/console/tips/{tip}");
    let nul_tip = "/console/tips/ab%00cd";
    let bad = StatusCode::BAD_REQUEST;
    vec![
        json(
            format!("/api/v1/review/tips/{tip}/decision"),
            r#"{"action":"reject","reason":"duplicate"}"#,
            (
                r#"{"action":"reject","reason":"dup\u0000licate"}"#,
                "reason must not contain a NUL character",
            ),
            format!("{{\"action\":\"forward\",\"agencies\":{deep}}}"),
        ),
        json(
            format!("/api/v1/review/tips/{tip}/questions"),
            r#"{"question":"Which farm?"}"#,
            (
                r#"{"question":"Which\u0000farm?"}"#,
                "question must not contain a NUL character",
            ),
            format!("{{\"question\":{deep}}}"),
        ),
        form(
            &format!("{tips}/claim"),
            "",
            (&format!("{nul_tip}/claim"), "", no_tip),
            None,
        ),
        form(
            &format!("{tips}/release"),
            "",
            (&format!("{nul_tip}/release"), "", no_tip),
            None,
        ),
        form(
            &format!("{tips}/reassign"),
            "to=",
            (&format!("{nul_tip}/reassign"), "to=", no_tip),
            Some((
                &format!("to={deep_field}"),
                (bad, "to: no enabled handler named"),
            )),
        ),
        form(
            &format!("{tips}/preview"),
            "keep=0",
            (
                &format!("{tips}/preview"),
                "add=0%00:1:NAME",
                (bad, "is not START:END:KIND"),
            ),
            Some((&format!("keep={deep_field}"), (bad, "is not a span number"))),
        ),
        form(
            &format!("{tips}/forward"),
            "agency=police",
            (
                &format!("{tips}/forward"),
                "agency=police&note=a%00b",
                (bad, "note must not contain a NUL character"),
            ),
            Some((&format!("agency={deep_field}"), (bad, "unknown agency"))),
        ),
        form(
            &format!("{tips}/reject"),
            "reason=duplicate",
            (
                &format!("{tips}/reject"),
                "reason=dup%00licate",
                (bad, "reason must not contain a NUL character"),
            ),
            Some((
                &format!("reason={deep_field}"),
                (bad, "reason is longer than"),
            )),
        ),
        form(
            &format!("{tips}/question"),
            "question=Which+farm%3F",
            (
                &format!("{tips}/question"),
                "question=Which%00farm",
                (bad, "question must not contain a NUL character"),
            ),
            Some((
                &format!("question={deep_field}"),
                (bad, "question is longer than"),
            )),
        ),
        form(
            "/console/handlers",
            "username=newcomer&role=handler",
            (
                "/console/handlers",
                "username=new%00comer&role=handler",
                (bad, "username: use 1 to 64 lowercase letters"),
            ),
            Some((
                &format!("username=newcomer&role={deep_field}"),
                (bad, "role: expected handler, supervisor or admin"),
            )),
        ),
        form(
            "/console/handlers/2/disable",
            "",
            ("/console/handlers/%00/disable", "", no_handler),
            None,
        ),
        form(
            "/console/handlers/2/unlock",
            "",
            ("/console/handlers/2%00/unlock", "", no_handler),
            None,
        ),
        form(
            "/console/handlers/2/reset-totp",
            "",
            ("/console/handlers/x/reset-totp", "", no_handler),
            None,
        ),
        form(
            "/console/settings",
            "totp_required=0",
            (
                "/console/settings",
                "totp_required=1%00",
                (bad, "totp_required: expected 1 or 0"),
            ),
            Some((
                &format!("totp_required={deep_field}"),
                (bad, "totp_required: expected 1 or 0"),
            )),
        ),
        form(
            "/console/agencies/police/tokens",
            "",
            (
                "/console/agencies/pol%00ice/tokens",
                "",
                (bad, "no such agency"),
            ),
            None,
        ),
        form(
            "/console/tokens/revoke",
            "token=0123456789abcdef",
            (
                "/console/tokens/revoke",
                "token=0123%00",
                (bad, "token: no such live token"),
            ),
            Some((
                &format!("token={deep_field}"),
                (bad, "token: no such live token"),
            )),
        ),
        form(
            "/console/account/password",
            "current=x&new=a+long+new+password&confirm=a+long+new+password",
            (
                "/console/account/password",
                "current=x&new=a+long%00new+password&confirm=a+long%00new+password",
                (bad, "the new password must not contain a NUL character"),
            ),
            Some((
                &format!("current=x&new={deep_field}&confirm=x"),
                (bad, "the new password and its confirmation differ"),
            )),
        ),
        form(
            "/console/account/totp/start",
            "",
            ("/console/account/totp/start%00", "", no_route),
            None,
        ),
        form(
            "/console/account/totp/confirm",
            "code=123456",
            (
                "/console/account/totp/confirm",
                "code=12%003456",
                (bad, "that code does not match"),
            ),
            Some((
                &format!("code={deep_field}"),
                (bad, "that code does not match"),
            )),
        ),
        form(
            "/console/audit/verify",
            "",
            ("/console/audit/verify%00", "", no_route),
            None,
        ),
        form(
            "/console/logout",
            "",
            ("/console/logout%00", "", no_route),
            None,
        ),
    ]
}

/// An app with a signed-in administrator who holds a drafted tip and has begun to
/// enrol an authenticator, and a second handler (id 2) to act on.
async fn setup() -> (TestApp, String, String) {
    let app = bad_input_app().await;
    let admin = app.add_handler("ari", HandlerRole::Admin).await;
    app.add_handler("hemi", HandlerRole::Handler).await;
    let cookie = session_cookie(&app, "ari", &admin.password).await;
    app.submit_ok("forced_labour", "They keep our passports at the farm.")
        .await;
    let reviewer = app.handler("sam", HandlerRole::Supervisor).await;
    let tip = app.first_pending(&reviewer).await;
    let claimed = send(
        &app,
        &cookie,
        &format!("/api/v1/review/tips/{tip}/claim"),
        "application/json",
        Vec::new(),
    )
    .await;
    assert_eq!(claimed.0, StatusCode::OK, "{}", claimed.1);
    (app, cookie, tip)
}

#[tokio::test]
async fn every_signed_in_endpoint_refuses_every_bad_body_clearly_and_changes_no_row() {
    let (app, cookie, tip) = setup().await;
    let endpoints = endpoints(&app, &cookie, &tip).await;
    // An enrolment in progress, so that a code reaches the check against it.
    let start = endpoints
        .iter()
        .find(|e| e.path == "/console/account/totp/start")
        .unwrap();
    let started = send(
        &app,
        &cookie,
        &start.path,
        "application/x-www-form-urlencoded",
        start.valid.clone(),
    )
    .await;
    assert_eq!(started.0, StatusCode::SEE_OTHER, "{}", started.1);
    let before = app.rows_snapshot().await;
    let mut checked = 0;
    for endpoint in &endpoints {
        for case in cases(endpoint) {
            let (status, said) =
                send(&app, &cookie, &case.path, case.content_type, case.body).await;
            let what = format!("{} {} ({:?})", case.class, case.path, endpoint.kind);
            assert_eq!(status, case.status, "{what}: {said}");
            assert!(
                status.is_client_error(),
                "{what}: {status} is not a client error"
            );
            assert!(
                said.contains(case.says),
                "{what}: expected {:?} in {said}",
                case.says
            );
            assert_eq!(app.rows_snapshot().await, before, "{what} changed a row");
            checked += 1;
        }
        another_client_is_served(&app).await;
    }
    assert!(checked > endpoints.len() * 5, "{checked}");

    // Routes without a body: a tip id with a NUL, or no tip id at all, is no tip.
    for path in [
        "/api/v1/review/tips/ab%00cd/claim",
        "/api/v1/review/tips/ab%00cd/release",
        "/api/v1/review/tips/ab%00cd/decision",
        "/api/v1/review/tips/not-a-tip/claim",
    ] {
        let (status, said) = send(&app, &cookie, path, "application/json", Vec::new()).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {said}");
        assert!(said.contains("no such tip"), "{path}: {said}");
    }
    for (path, says) in [
        ("/api/v1/review/tips/ab%00cd", "no such tip"),
        ("/api/v1/review/tips?status=%00", "unknown status"),
        ("/api/v1/review/audit?actor=%00&tip=%00", "entries"),
        ("/console/tips/ab%00cd", "no such tip"),
        ("/console/audit?actor=%00&tip=%00", "Audit log"),
    ] {
        let r = bare_client(&app)
            .get(app.url(path))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let said = r.text().await.unwrap();
        assert!(
            status.is_client_error() || status == StatusCode::OK,
            "{path}: {status} {said}"
        );
        assert!(said.contains(says), "{path}: {said}");
    }
    // Huge header counts on every signed-in route.
    for endpoint in &endpoints {
        let status = with_huge_header_count(|| {
            bare_client(&app)
                .post(app.url(&endpoint.path))
                .header("cookie", &cookie)
        })
        .await;
        assert_eq!(
            status,
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "{}",
            endpoint.path
        );
    }
    another_client_is_served(&app).await;
    assert_eq!(
        app.rows_snapshot().await,
        before,
        "a refused request changed a row"
    );
}
