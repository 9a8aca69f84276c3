//! The review console's pages: sign-in with TOTP (and replay refused), throttling,
//! CSRF, roles, claims held by another handler, supervisors' reassigning, the audit
//! chain check, administration, and forwarding from the review page.

use crate::helpers::{spawn_app, Handler, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;
use tipline::domain::HandlerRole;

/// A browser-like client of the console: a cookie jar, redirects not followed (so
/// tests see the 303s), and the console user (credentials, authenticator).
pub struct Console {
    client: Client,
    username: String,
    password: String,
    /// The user as the test harness made them (with their authenticator's secret).
    user: Option<Handler>,
}

fn console_client(app: &TestApp) -> Client {
    let pem = std::fs::read(app.settings.data_dir.join("dev-cert.pem")).unwrap();
    Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// The value of the first hidden `csrf` field on a page.
pub(crate) fn csrf_of(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("the page has a CSRF field");
    let rest = &html[at + 19..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// The text of the element with `id`, up to the next tag.
fn text_of(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in {html}"));
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest[start..].find('<').unwrap();
    rest[start..start + end].to_owned()
}

fn totp_code(secret_base32: &str, at: i64) -> String {
    totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(secret_base32).unwrap())
        .build()
        .unwrap()
        .generate(u64::try_from(at).unwrap())
        .to_string()
}

impl Console {
    /// A console user with no authenticator yet, not signed in.
    async fn new(app: &TestApp, username: &str, role: HandlerRole) -> Console {
        Console::of(app, app.add_handler_without_totp(username, role).await)
    }

    fn of(app: &TestApp, user: Handler) -> Console {
        Console {
            client: console_client(app),
            username: user.username.clone(),
            password: user.password.clone(),
            user: Some(user),
        }
    }

    /// A console user by name and password only (made through the console).
    fn named(app: &TestApp, username: &str, password: &str) -> Console {
        Console {
            client: console_client(app),
            username: username.to_owned(),
            password: password.to_owned(),
            user: None,
        }
    }

    /// Another browser of the same user.
    fn another_browser(&self, app: &TestApp) -> Console {
        Console::named(app, &self.username, &self.password)
    }

    pub async fn get(&self, app: &TestApp, path: &str) -> (StatusCode, String) {
        let r = self.client.get(app.url(path)).send().await.unwrap();
        (r.status(), r.text().await.unwrap())
    }

    /// Posts a form as the page at `from` would, with that page's CSRF token.
    pub async fn post(
        &self,
        app: &TestApp,
        from: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let (_, page) = self.get(app, from).await;
        let csrf = csrf_of(&page);
        let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        form.extend_from_slice(fields);
        self.client
            .post(app.url(path))
            .form(&form)
            .send()
            .await
            .unwrap()
    }

    async fn sign_in(&self, app: &TestApp, totp: &str) -> reqwest::Response {
        let (username, password) = (self.username.clone(), self.password.clone());
        self.post(
            app,
            "/console/login",
            "/console/login",
            &[
                ("username", &username),
                ("password", &password),
                ("totp", totp),
            ],
        )
        .await
    }

    /// A console user with an authenticator, signed in with password and code.
    pub async fn signed_in(app: &TestApp, username: &str, role: HandlerRole) -> Console {
        let c = Console::of(app, app.add_handler(username, role).await);
        let code = c.user.as_ref().unwrap().code().await;
        let r = c.sign_in(app, &code).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], "/console/queue");
        c
    }

    /// Sets up TOTP through the account page; the secret (base32) and the recovery
    /// codes shown.
    async fn enrol(&self, app: &TestApp) -> (String, Vec<String>) {
        let r = self
            .post(app, "/console/account", "/console/account/totp/start", &[])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = self.get(app, "/console/account").await;
        assert!(
            page.contains("src=\"data:image/svg+xml;base64,"),
            "a QR code"
        );
        let secret = text_of(&page, "totp-secret");
        let code = totp_code(&secret, tipline::store::now());
        let r = self
            .post(
                app,
                "/console/account",
                "/console/account/totp/confirm",
                &[("code", &code)],
            )
            .await;
        // The answer is the page itself: the recovery codes are shown on it once.
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.unwrap();
        let codes = page
            .split("<li><code>")
            .skip(1)
            .map(|c| c[..c.find('<').unwrap()].to_owned())
            .collect::<Vec<_>>();
        assert_eq!(codes.len(), 10, "{page}");
        (secret, codes)
    }
}

pub async fn pending_tip(app: &TestApp, body: &str) -> String {
    app.submit_ok("forced_labour", body).await;
    let watcher = app
        .handler(
            &format!("w{}", tipline::domain::TipId::new()),
            HandlerRole::Handler,
        )
        .await;
    app.wait_for_pending(&watcher, 1).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn sign_in_takes_password_and_totp_and_a_code_works_once() {
    let app = spawn_app().await;
    // A new handler: an authenticator is required, so the password alone signs in only
    // to set one up, and the API takes no such sign-in at all.
    let ana = Console::new(&app, "ana", HandlerRole::Handler).await;
    let r = ana.sign_in(&app, "").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = ana
        .client
        .get(app.url("/console/queue"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/console/account");
    let (_, account) = ana.get(&app, "/console/account").await;
    assert!(account.contains("id=\"totp-required\""), "{account}");
    let json_login = |totp: Option<String>| {
        let mut body = json!({ "username": "ana", "password": ana.password });
        if let Some(code) = totp {
            body["totp"] = json!(code);
        }
        app.client
            .post(app.url("/api/v1/review/login"))
            .json(&body)
            .send()
    };
    let r = json_login(None).await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.headers().get("set-cookie").is_none(), "no session");
    assert!(r.text().await.unwrap().contains("no authenticator"));

    let (secret, recovery) = ana.enrol(&app).await;
    let (status, queue) = ana.get(&app, "/console/queue").await;
    assert_eq!(status, StatusCode::OK);
    assert!(queue.contains("Waiting for review"));
    let (_, account) = ana.get(&app, "/console/account").await;
    assert!(account.contains("id=\"totp-state\""), "{account}");
    assert!(!account.contains(&recovery[0]), "the codes are shown once");
    assert!(account.contains("Recovery codes left: 10"), "{account}");

    // The JSON sign-in needs the code too, once enrolled.
    let r = json_login(None).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let next = totp_code(&secret, tipline::store::now() + 30);
    let r = json_login(Some(next.clone())).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // The same code again is a replay, in the browser as in the API.
    let browser = ana.another_browser(&app);
    let r = browser.sign_in(&app, &next).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let page = r.text().await.unwrap();
    assert!(page.contains("invalid username or password"));
    let r = browser.sign_in(&app, "").await;
    assert_eq!(
        r.status(),
        StatusCode::UNAUTHORIZED,
        "a password alone is not enough"
    );

    // A recovery code signs in once, typed loosely; never again.
    let loosely = recovery[3].to_lowercase().replace('-', " ");
    let r = json_login(Some(loosely.clone())).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = json_login(Some(loosely)).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = browser.sign_in(&app, &recovery[4]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, account) = browser.get(&app, "/console/account").await;
    assert!(account.contains("Recovery codes left: 8"), "{account}");
    let hash_leaked = app.database_contains(&recovery[5].replace('-', "")).await;
    assert!(!hash_leaked, "recovery codes are stored hashed");

    // Sign-out ends the session.
    let r = ana
        .post(&app, "/console/queue", "/console/logout", &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = ana
        .client
        .get(app.url("/console/queue"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/console/login");

    let log = app
        .store
        .audit_rows(Some("handler:ana"), None, 100)
        .await
        .unwrap();
    let actions: Vec<_> = log.iter().rev().map(|r| r.entry.action.as_str()).collect();
    assert!(actions.contains(&"totp_enrolled"), "{actions:?}");
    assert!(actions.contains(&"login_failed"), "{actions:?}");
    assert!(actions.contains(&"logout"), "{actions:?}");
    assert!(
        log.iter()
            .any(|r| r.entry.action == "login" && r.entry.detail == "with a recovery code; 9 left"),
        "{log:?}"
    );
    let secret_in_db = app.database_contains(&secret).await;
    assert!(!secret_in_db, "the TOTP secret is stored encrypted");
}

#[tokio::test]
async fn five_wrong_passwords_throttle_the_account_without_saying_whether_the_sixth_was_right() {
    let app = spawn_app().await;
    let h = app.add_handler("rua", HandlerRole::Handler).await;
    let login = |password: &str| {
        app.client
            .post(app.url("/api/v1/review/login"))
            .json(&json!({ "username": "rua", "password": password }))
            .send()
    };
    for attempt in 1..=5 {
        let r = login("wrong password!").await.unwrap();
        let expected = if attempt < 5 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(r.status(), expected, "attempt {attempt}");
    }
    let wrong = login("wrong password!").await.unwrap();
    let (wrong_status, wrong_body) = (wrong.status(), wrong.text().await.unwrap());
    let right = login(&h.password).await.unwrap();
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(wrong_status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(right.text().await.unwrap(), wrong_body, "the same answer");
    assert!(wrong_body.contains("too many failed sign-ins"));

    // The browser form is throttled the same way.
    let browser = Console::of(&app, h);
    let r = browser.sign_in(&app, "").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);

    let log = app
        .store
        .audit_rows(Some("handler:rua"), None, 100)
        .await
        .unwrap();
    assert!(log.iter().any(|r| r.entry.action == "login_slowed"));
    assert!(!log.iter().any(|r| r.entry.action == "login"));
}

#[tokio::test]
async fn a_good_sign_in_resets_the_count() {
    let app = spawn_app().await;
    let h = app.add_handler("mere", HandlerRole::Handler).await;
    let login = |password: &str| {
        app.client
            .post(app.url("/api/v1/review/login"))
            .json(&json!({ "username": "mere", "password": password }))
            .send()
    };
    for _ in 0..4 {
        assert_eq!(
            login("nope nope nope").await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let good = app
        .client
        .post(app.url("/api/v1/review/login"))
        .json(&json!({ "username": "mere", "password": h.password, "totp": h.code().await }))
        .send()
        .await
        .unwrap();
    assert_eq!(good.status(), StatusCode::OK);
    for _ in 0..4 {
        assert_eq!(
            login("nope nope nope").await.unwrap().status(),
            StatusCode::UNAUTHORIZED,
            "the count started again after the good sign-in"
        );
    }
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let id = pending_tip(&app, "They hold our passports at the farm.").await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let claim = format!("/console/tips/{id}/claim");
    for form in [vec![], vec![("csrf", "not-the-token")]] {
        let r = ana
            .client
            .post(app.url(&claim))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(r
            .text()
            .await
            .unwrap()
            .contains("CSRF token is missing or wrong"));
    }
    let tip = app
        .store
        .tip(&id, tipline::store::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tip.status.as_str(), "pending_review", "nothing changed");

    // Another session's token is no good either.
    let bob = Console::signed_in(&app, "bob", HandlerRole::Handler).await;
    let (_, bobs_page) = bob.get(&app, "/console/queue").await;
    let r = ana
        .client
        .post(app.url(&claim))
        .form(&[("csrf", csrf_of(&bobs_page))])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // The sign-in form needs its token as well.
    let fresh = console_client(&app);
    let r = fresh
        .post(app.url("/console/login"))
        .form(&[("username", "ana"), ("password", ana.password.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // A browser's cross-site request to the JSON API is refused (fetch metadata).
    let r = ana
        .client
        .post(app.url(&format!("/api/v1/review/tips/{id}/claim")))
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // With the token it works.
    let r = ana.post(&app, "/console/queue", &claim, &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        format!("/console/tips/{id}").as_str()
    );
}

#[tokio::test]
async fn each_page_enforces_its_role() {
    let app = spawn_app().await;
    let handler = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let supervisor = Console::signed_in(&app, "sam", HandlerRole::Supervisor).await;
    let admin = Console::signed_in(&app, "ari", HandlerRole::Admin).await;
    for path in ["/console/handlers", "/console/agencies", "/console/audit"] {
        let (status, page) = handler.get(&app, path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert!(page.contains("this needs the"), "{page}");
    }
    for (path, fields) in [
        (
            "/console/handlers",
            vec![("username", "eve"), ("role", "admin")],
        ),
        ("/console/settings", vec![("totp_required", "0")]),
        ("/console/agencies/police/tokens", vec![]),
        ("/console/audit/verify", vec![]),
        ("/console/tips/abc/reassign", vec![("to", "ana")]),
    ] {
        let r = handler.post(&app, "/console/queue", path, &fields).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert!(app
        .store
        .handler_by_username("eve")
        .await
        .unwrap()
        .is_none());
    assert!(app.store.totp_required().await.unwrap());
    assert!(app.store.agency_tokens().await.unwrap().is_empty());

    assert_eq!(
        supervisor.get(&app, "/console/audit").await.0,
        StatusCode::OK
    );
    assert_eq!(
        supervisor.get(&app, "/console/handlers").await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(admin.get(&app, "/console/handlers").await.0, StatusCode::OK);
    assert_eq!(admin.get(&app, "/console/agencies").await.0, StatusCode::OK);
    assert_eq!(admin.get(&app, "/console/audit").await.0, StatusCode::OK);

    // Not signed in: pages send you to sign in.
    let anonymous = console_client(&app);
    let r = anonymous
        .get(app.url("/console/audit"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/console/login");
}

#[tokio::test]
async fn a_second_handler_cannot_claim_see_or_decide_a_held_tip_but_a_supervisor_can_reassign() {
    let app = spawn_app().await;
    let id = pending_tip(&app, "Hemi Walker at the vineyard keeps our passports.").await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let bob = Console::signed_in(&app, "bob", HandlerRole::Handler).await;
    let sam = Console::signed_in(&app, "sam", HandlerRole::Supervisor).await;
    let tip_page = format!("/console/tips/{id}");
    let r = ana
        .post(&app, "/console/queue", &format!("{tip_page}/claim"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = ana.get(&app, &tip_page).await;
    assert!(page.contains("Hemi Walker"), "the holder sees the tip");

    let (_, queue) = bob.get(&app, "/console/queue").await;
    assert!(queue.contains("ana"), "the queue shows who holds it");
    let r = bob
        .post(&app, "/console/queue", &format!("{tip_page}/claim"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("claimed by another handler"));
    let (status, page) = bob.get(&app, &tip_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Held by ana"));
    assert!(!page.contains("Hemi"), "only the holder sees the text");
    for (path, fields) in [
        ("forward", vec![("agency", "police")]),
        ("reject", vec![("reason", "duplicate")]),
        ("question", vec![("question", "Which vineyard?")]),
        ("release", vec![]),
    ] {
        let r = bob
            .post(
                &app,
                "/console/queue",
                &format!("{tip_page}/{path}"),
                &fields,
            )
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT, "{path}");
    }
    let tip = app
        .store
        .tip(&id, tipline::store::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tip.claimed_by_name.as_deref(), Some("ana"));

    // A supervisor gives the claim to bob, who can then decide.
    let r = sam
        .post(
            &app,
            "/console/queue",
            &format!("{tip_page}/reassign"),
            &[("to", "bob")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = bob
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/reject"),
            &[("reason", "duplicate")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let log = app.store.audit_rows(None, Some(&id), 100).await.unwrap();
    let reassign = log.iter().find(|r| r.entry.action == "reassign").unwrap();
    assert_eq!(reassign.entry.actor, "handler:sam");
    assert_eq!(reassign.entry.detail, "from=handler:ana; to=handler:bob");
}

#[tokio::test]
async fn forwarding_from_the_page_sends_exactly_the_approved_text() {
    let app = spawn_app().await;
    let body =
        "Ko Mere Tāwhiri tōku ingoa. Call 021 555 1234. The Māori boss at Ōtaki Orchard is Rangi.";
    let id = pending_tip(&app, body).await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let tip_page = format!("/console/tips/{id}");
    ana.post(&app, "/console/queue", &format!("{tip_page}/claim"), &[])
        .await;
    let (_, page) = ana.get(&app, &tip_page).await;
    assert!(page.contains("data-doc=\""));
    assert!(page.contains("id=\"preview\""));

    // The draft, through the JSON API with the same session, to compute the expectation.
    let api: Value = ana
        .client
        .get(app.url(&format!("/api/v1/review/tips/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let original = api["original"].as_str().unwrap().to_owned();
    let draft: tipline::domain::Draft = serde_json::from_value(api["draft"].clone()).unwrap();

    let phone = draft
        .spans
        .iter()
        .position(|s| s.kind == tipline::redaction::Kind::Phone)
        .expect("the engine proposes the phone number");
    let keep = phone.to_string();
    let orchard = original.find("Ōtaki Orchard").unwrap();
    let add = format!("{}:{}:ADDRESS", orchard, orchard + "Ōtaki Orchard".len());
    // A bad added span is refused and changes nothing.
    let r = ana
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/forward"),
            &[("agency", "police"), ("add", "3:1:NAME")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = ana
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/forward"),
            &[("agency", "police"), ("add", "1:2:NOPE")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let tip = app
        .store
        .tip(&id, tipline::store::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tip.status.as_str(), "in_review");

    let r = ana
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/forward"),
            &[
                ("agency", "police"),
                ("agency", "mbie"),
                ("keep", &keep),
                ("add", &add),
                ("note", "urgent"),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    let token = app.agency_token("mbie").await;
    let (status, leased) = app.lease(&token, 10, 60).await;
    assert_eq!(status, StatusCode::OK);
    let case_body = leased["cases"][0]["body"].as_str().unwrap();
    let orchard_span = tipline::domain::AddedSpan {
        start: orchard,
        end: orchard + "Ōtaki Orchard".len(),
        kind: tipline::redaction::Kind::Address,
    };
    let expected =
        tipline::domain::ApprovedRedaction::approve(&original, &draft, &[phone], &[orchard_span])
            .unwrap();
    assert_eq!(case_body, expected.text());
    assert!(case_body.contains("[ADDRESS-1]"), "{case_body}");
    assert!(!case_body.contains("Ōtaki Orchard"), "{case_body}");
    assert!(case_body.contains("021 555 1234"), "restored: {case_body}");
    assert!(!case_body.contains("mere@example.nz"), "{case_body}");
}

#[tokio::test]
async fn tampering_with_an_audit_row_is_reported_by_verify_chain() {
    let app = spawn_app().await;
    let sam = Console::signed_in(&app, "sam", HandlerRole::Supervisor).await;
    Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let r = sam
        .post(&app, "/console/audit", "/console/audit/verify", &[])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(text_of(&page, "verification").contains("intact"), "{page}");
    let (_, filtered) = sam.get(&app, "/console/audit?actor=handler:ana").await;
    assert!(filtered.contains("handler:ana") && !filtered.contains("<td>handler:sam</td>"));

    app.tamper_with_audit_row("action = 'nothing'", 2).await;
    let r = sam
        .post(&app, "/console/audit", "/console/audit/verify", &[])
        .await;
    let page = r.text().await.unwrap();
    let verdict = text_of(&page, "verification");
    assert!(verdict.contains("breaks at row 2"), "{verdict}");
    assert!(verdict.contains("altered"), "{verdict}");
}

#[tokio::test]
async fn admins_add_and_disable_handlers_issue_and_revoke_tokens_and_can_require_totp() {
    let app = spawn_app().await;
    let ari = Console::signed_in(&app, "ari", HandlerRole::Admin).await;
    let r = ari
        .post(
            &app,
            "/console/handlers",
            "/console/handlers",
            &[("username", "kahu"), ("role", "handler")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    let password = text_of(&page, "shown-secret");
    let (_, again) = ari.get(&app, "/console/handlers").await;
    assert!(!again.contains(&password), "the password is shown once");
    let r = ari
        .post(
            &app,
            "/console/handlers",
            "/console/handlers",
            &[("username", "Not Valid"), ("role", "handler")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    // Enrolment is mandatory by default: the new handler may only set up TOTP.
    let (_, handlers) = ari.get(&app, "/console/handlers").await;
    assert!(handlers.contains("name=\"totp_required\" value=\"1\" checked"));
    let kahu = Console::named(&app, "kahu", &password);
    assert_eq!(kahu.sign_in(&app, "").await.status(), StatusCode::SEE_OTHER);
    let r = kahu
        .client
        .get(app.url("/console/queue"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/console/account");
    let r = kahu
        .client
        .get(app.url("/api/v1/review/tips"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let (kahu_secret, _) = kahu.enrol(&app).await;
    assert_eq!(kahu.get(&app, "/console/queue").await.0, StatusCode::OK);

    // An administrator may make it optional (audited); a handler without one then signs
    // in with the password alone.
    ari.post(
        &app,
        "/console/handlers",
        "/console/settings",
        &[("totp_required", "0")],
    )
    .await;
    let tui = app
        .add_handler_without_totp("tui", HandlerRole::Handler)
        .await;
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .json(&json!({ "username": "tui", "password": tui.password }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // Tokens: shown once, usable, revocable.
    let r = ari
        .post(
            &app,
            "/console/agencies",
            "/console/agencies/police/tokens",
            &[],
        )
        .await;
    let token = text_of(&r.text().await.unwrap(), "shown-secret");
    assert_eq!(app.lease(&token, 1, 60).await.0, StatusCode::OK);
    let hash = app.store.agency_tokens().await.unwrap()[0].hash.clone();
    let r = ari
        .post(
            &app,
            "/console/agencies",
            "/console/tokens/revoke",
            &[("token", &hash)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.lease(&token, 1, 60).await.0, StatusCode::UNAUTHORIZED);

    // Disabling ends the handler's sessions.
    let id = app
        .store
        .handler_by_username("kahu")
        .await
        .unwrap()
        .unwrap()
        .id;
    let r = ari
        .post(
            &app,
            "/console/handlers",
            &format!("/console/handlers/{id}/disable"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = kahu
        .client
        .get(app.url("/console/queue"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], "/console/login");

    // Enabled again, with a new password shown once; the old one no longer works.
    let r = ari
        .post(
            &app,
            "/console/handlers",
            &format!("/console/handlers/{id}/enable"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = ari
        .post(
            &app,
            "/console/handlers",
            &format!("/console/handlers/{id}/reset-password"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let new_password = text_of(&r.text().await.unwrap(), "shown-secret");
    assert_ne!(new_password, kahu.password);
    let kahu = Console::named(&app, "kahu", &new_password);
    let code = totp_code(&kahu_secret, tipline::store::now() + 30);
    assert_eq!(
        kahu.sign_in(&app, &code).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(kahu.get(&app, "/console/queue").await.0, StatusCode::OK);

    let actions: Vec<_> = app
        .store
        .audit_rows(Some("handler:ari"), None, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.entry.action)
        .collect();
    for action in [
        "handler_added",
        "setting_changed",
        "token_issued",
        "token_revoked",
        "handler_disabled",
        "handler_enabled",
        "password_reset",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
}

#[tokio::test]
async fn a_handler_changes_their_password() {
    let app = spawn_app().await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let old = ana.password.clone();
    let r = ana
        .post(
            &app,
            "/console/account",
            "/console/account/password",
            &[
                ("current", "wrong"),
                ("new", "a brand new password"),
                ("confirm", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let failures = app
        .store
        .audit_rows(Some("handler:ana"), None, 10)
        .await
        .unwrap();
    assert_eq!(
        failures[0].entry.action, "login_failed",
        "a wrong current password counts"
    );
    let r = ana
        .post(
            &app,
            "/console/account",
            "/console/account/password",
            &[
                ("current", &old),
                ("new", "a brand new password"),
                ("confirm", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let login = |password: &str| {
        app.client
            .post(app.url("/api/v1/review/login"))
            .json(&json!({ "username": "ana", "password": password }))
            .send()
    };
    assert_eq!(
        login(&old).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .json(
            &json!({ "username": "ana", "password": "a brand new password",
                       "totp": ana.user.as_ref().unwrap().code().await }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_question_to_the_reporter_parks_the_tip_until_they_answer() {
    let app = spawn_app().await;
    let id = pending_tip(&app, "We sleep in the packhouse.").await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let tip_page = format!("/console/tips/{id}");
    ana.post(&app, "/console/queue", &format!("{tip_page}/claim"), &[])
        .await;
    let r = ana
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/question"),
            &[("question", "  ")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("question must not be empty"));
    let r = ana
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/question"),
            &[("question", "Which packhouse, and since when?")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let tip = app
        .store
        .tip(&id, tipline::store::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tip.status.as_str(), "awaiting_reporter");
    let (_, queue) = ana.get(&app, "/console/queue").await;
    let awaiting = &queue[queue.find("id=\"awaiting\"").unwrap()..];
    assert!(awaiting.contains(&id));
    let log = app.store.audit_rows(None, Some(&id), 10).await.unwrap();
    assert_eq!(log[0].entry.action, "ask");
    assert!(!app.database_contains("Which packhouse").await);
}

#[tokio::test]
async fn admins_clear_failed_sign_ins_and_remove_a_lost_authenticator() {
    let app = spawn_app().await;
    let ari = Console::signed_in(&app, "ari", HandlerRole::Admin).await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let login = |password: &str| {
        app.client
            .post(app.url("/api/v1/review/login"))
            .json(&json!({ "username": "ana", "password": password }))
            .send()
    };
    for _ in 0..5 {
        login("not her password").await.unwrap();
    }
    let id = app
        .store
        .handler_by_username("ana")
        .await
        .unwrap()
        .unwrap()
        .id;
    let (_, page) = ari.get(&app, "/console/handlers").await;
    assert!(
        page.contains("slowed: 5 failed sign-ins, next attempt after"),
        "{page}"
    );
    let r = ari
        .post(
            &app,
            "/console/handlers",
            &format!("/console/handlers/{id}/unlock"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = login(&ana.password).await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNAUTHORIZED,
        "no wait now; the code is still needed"
    );

    let r = ari
        .post(
            &app,
            "/console/handlers",
            &format!("/console/handlers/{id}/reset-totp"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = ana
        .client
        .get(app.url("/console/queue"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["location"],
        "/console/login",
        "her sessions ended"
    );
    assert_eq!(
        login(&ana.password).await.unwrap().status(),
        StatusCode::FORBIDDEN,
        "she must set up a new authenticator (in the console) before the API takes her"
    );
    let again = Console::named(&app, "ana", &ana.password);
    assert_eq!(
        again.sign_in(&app, "").await.status(),
        StatusCode::SEE_OTHER
    );
    again.enrol(&app).await;

    let actions: Vec<_> = app
        .store
        .audit_rows(Some("handler:ari"), None, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.entry.action)
        .collect();
    assert!(
        actions.contains(&"lockout_cleared".to_owned()),
        "{actions:?}"
    );
    assert!(actions.contains(&"totp_reset".to_owned()), "{actions:?}");
}

/// The live preview is the server's rendering of the decision, through the same approve
/// path as forwarding: for a handler-added span that contains a draft span (an address
/// around a phone number), for a draft span restored, and for both at once, the preview
/// equals what the agency receives.
#[tokio::test]
async fn the_preview_is_exactly_the_forwarded_text_even_for_spans_inside_spans() {
    let app = spawn_app().await;
    let body = "The van stops at 12 Kauri Road, ring 021 555 1234 at the gate, is where they sleep. Ana 027 444 5678.";
    let id = pending_tip(&app, body).await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let tip_page = format!("/console/tips/{id}");
    ana.post(&app, "/console/queue", &format!("{tip_page}/claim"), &[])
        .await;
    let (_, page) = ana.get(&app, &tip_page).await;
    let csrf = csrf_of(&page);
    let start = body.find("12 Kauri Road").unwrap();
    let end = body.find(" is where").unwrap();
    let add = format!("{start}:{end}:ADDRESS");
    let preview = |fields: Vec<(&'static str, String)>| {
        let mut form = vec![("csrf", csrf.clone())];
        form.extend(fields);
        let client = ana.client.clone();
        let url = app.url(&format!("{tip_page}/preview"));
        async move {
            let r = client.post(url).form(&form).send().await.unwrap();
            let status = r.status();
            let answer: Value = r.json().await.unwrap();
            (status, answer)
        }
    };

    // Without the session's CSRF token the preview is refused.
    let r = ana
        .client
        .post(app.url(&format!("{tip_page}/preview")))
        .form(&[("add", add.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A bad added span gets the same clear error as forwarding.
    let (status, answer) = preview(vec![("add", "3:1:NAME".into())]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        answer["error"].as_str().unwrap().contains("add[0]"),
        "{answer}"
    );

    let (status, shown) = preview(vec![("add", add.clone())]).await;
    assert_eq!(status, StatusCode::OK, "{shown}");
    let shown = shown["text"].as_str().unwrap().to_owned();
    assert!(
        shown.starts_with("The van stops at [ADDRESS-1] is where they sleep."),
        "{shown}"
    );
    assert!(!shown.contains("[PHONE-1] is where"), "{shown}");
    assert!(!shown.contains("021 555"), "{shown}");

    // Another handler, who does not hold the claim, cannot preview.
    let bob = Console::signed_in(&app, "bob", HandlerRole::Handler).await;
    let (_, queue) = bob.get(&app, "/console/queue").await;
    let r = bob
        .client
        .post(app.url(&format!("{tip_page}/preview")))
        .form(&[("csrf", csrf_of(&queue).as_str()), ("add", add.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);

    let r = ana
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/forward"),
            &[("agency", "police"), ("add", &add)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let token = app.agency_token("police").await;
    let (_, leased) = app.lease(&token, 10, 60).await;
    assert_eq!(leased["cases"][0]["body"].as_str().unwrap(), shown);
}

/// `/console/` (as the README links it) leads to the console; a browser asking for a
/// path that names nothing gets a page, not JSON.
#[tokio::test]
async fn console_slash_works_and_unknown_paths_show_a_page_to_browsers() {
    let app = spawn_app().await;
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .add_root_certificate(
            reqwest::Certificate::from_pem(
                &std::fs::read(app.settings.data_dir.join("dev-cert.pem")).unwrap(),
            )
            .unwrap(),
        )
        .build()
        .unwrap();
    let r = no_redirects.get(app.url("/console/")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    for (path, back) in [("/console/nope", "/console/queue"), ("/nope", "href=\"/\"")] {
        let r = app
            .client
            .get(app.url(path))
            .header("accept", "text/html,application/xhtml+xml")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert!(r.text().await.unwrap().contains(back), "{path}");
    }
    let r = app.client.get(app.url("/nope")).send().await.unwrap();
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "no such endpoint");

    // A wrong method is 405 with the methods the address takes, not 404.
    for (method, path, allow) in [
        (reqwest::Method::GET, "/api/v1/tips", "POST"),
        (reqwest::Method::DELETE, "/console/login", "GET, POST"),
        (reqwest::Method::PUT, "/api/v1/agency/cases/lease", "POST"),
        (reqwest::Method::POST, "/healthz", "GET"),
    ] {
        let r = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        assert_eq!(r.headers()["allow"], allow);
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            body["error"],
            format!("this address takes {allow}, not {method}")
        );
    }
    let r = app
        .client
        .get(app.url("/follow-up/answer"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(r.text().await.unwrap().contains("this address takes POST"));
}

/// Statuses, categories and audit actions read as words, not identifiers.
#[tokio::test]
async fn the_console_shows_readable_labels() {
    let app = spawn_app().await;
    app.submit_ok("worker_exploitation", "Paid for half the hours.")
        .await;
    let sam = Console::signed_in(&app, "sam", HandlerRole::Supervisor).await;
    let failed = Console::new(&app, "tere", HandlerRole::Handler).await;
    failed.sign_in(&app, "").await;
    let mut queue = String::new();
    for _ in 0..40 {
        queue = sam.get(&app, "/console/queue").await.1;
        if queue.contains("worker exploitation") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(queue.contains("worker exploitation"), "{queue}");
    assert!(!queue.contains("worker_exploitation"));
    let (_, audit) = sam.get(&app, "/console/audit").await;
    assert!(audit.contains("signed in"), "{audit}");
    assert!(!audit.contains(">login<"));
}

/// Roles decide what the review page proposes: a tip naming the reporter and their
/// boss arrives with the boss's name kept (and marked) and the reporter's redacted, in
/// the boxes, the preview and what a forward of the page as it stands sends.
#[tokio::test]
async fn the_review_page_keeps_the_subject_and_redacts_the_reporter_by_default() {
    let app = spawn_app().await;
    let body = "I am Mele Tupou. My boss Rangi Parata keeps our passports at the farm.";
    let id = pending_tip(&app, body).await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let tip_page = format!("/console/tips/{id}");
    ana.post(&app, "/console/queue", &format!("{tip_page}/claim"), &[])
        .await;
    let api: Value = ana
        .client
        .get(app.url(&format!("/api/v1/review/tips/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let spans = api["draft"]["spans"].as_array().unwrap();
    let index_of = |role: &str| {
        spans
            .iter()
            .find(|s| s["role"] == role)
            .unwrap_or_else(|| panic!("no {role} span in {spans:?}"))["index"]
            .as_u64()
            .unwrap()
    };
    let (reporter, subject) = (index_of("reporter"), index_of("subject"));
    assert_eq!(api["draft"]["proposed_keep"], json!([subject]));
    assert!(spans[subject as usize]["role_reason"]
        .as_str()
        .unwrap()
        .contains("boss"));

    let (_, page) = ana.get(&app, &tip_page).await;
    assert!(
        page.contains(&format!("id=\"keep-{subject}\" checked")),
        "{page}"
    );
    assert!(!page.contains(&format!("id=\"keep-{reporter}\" checked")));
    let preview = text_of(&page, "preview");
    assert!(preview.contains("Rangi Parata"), "{preview}");
    assert!(!preview.contains("Mele Tupou"), "{preview}");
    assert!(
        page.contains("mark class=\"span role-subject kept\""),
        "{page}"
    );

    // Forwarded as the page stands (the ticked box sent, as a browser sends it).
    let subject_index = subject.to_string();
    let r = ana
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/forward"),
            &[("agency", "police"), ("keep", &subject_index)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        format!("{tip_page}?done=forwarded")
    );
    let token = app.agency_token("police").await;
    let (_, leased) = app.lease(&token, 10, 60).await;
    assert_eq!(
        leased["cases"][0]["body"],
        "I am [NAME-1]. My boss Rangi Parata keeps our passports at the farm."
    );
    // The tip's page says what was done and where it went.
    let (_, page) = ana.get(&app, &format!("{tip_page}?done=forwarded")).await;
    assert!(text_of(&page, "done").starts_with("Forwarded."), "{page}");
    assert!(page.contains("New Zealand Police"));
    assert!(page.contains("collected, not yet acknowledged"), "{page}");
}

/// A handler finds the tips they decided, a supervisor every decided tip, searchable;
/// each row opens the tip's page.
#[tokio::test]
async fn decided_tips_are_listed_for_their_handler_and_all_for_a_supervisor() {
    let app = spawn_app().await;
    let first = pending_tip(&app, "They keep our passports.").await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let bob = Console::signed_in(&app, "bob", HandlerRole::Handler).await;
    let sam = Console::signed_in(&app, "sam", HandlerRole::Supervisor).await;
    let page = format!("/console/tips/{first}");
    ana.post(&app, "/console/queue", &format!("{page}/claim"), &[])
        .await;
    let r = ana
        .post(
            &app,
            &page,
            &format!("{page}/forward"),
            &[("agency", "police")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let second = pending_tip(&app, "Nobody is paid on time.").await;
    let page = format!("/console/tips/{second}");
    bob.post(&app, "/console/queue", &format!("{page}/claim"), &[])
        .await;
    let r = bob
        .post(
            &app,
            &page,
            &format!("{page}/reject"),
            &[("reason", "no detail")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], format!("{page}?done=rejected"));

    let (_, mine) = ana.get(&app, "/console/decided").await;
    assert!(
        mine.contains(&format!("href=\"/console/tips/{first}\"")),
        "{mine}"
    );
    assert!(!mine.contains(&second), "only her own");
    assert!(
        mine.contains("New Zealand Police (waiting to be collected)"),
        "{mine}"
    );
    // A handler asking for everyone's still sees their own.
    let (_, asked) = ana.get(&app, "/console/decided?scope=all").await;
    assert!(!asked.contains(&second));
    let (_, all) = sam.get(&app, "/console/decided?scope=all").await;
    assert!(all.contains(&first) && all.contains(&second), "{all}");
    let (_, rejected) = sam
        .get(&app, "/console/decided?scope=all&status=rejected")
        .await;
    assert!(rejected.contains(&second) && !rejected.contains(&first));
    let (_, found) = sam
        .get(
            &app,
            &format!("/console/decided?scope=all&q={}", &first[..6]),
        )
        .await;
    assert!(found.contains(&first));
    let (_, nothing) = sam.get(&app, "/console/decided?scope=all&q=zz%25").await;
    assert!(nothing.contains("id=\"none\""), "{nothing}");
    // The rejected tip's page says so, with no agency.
    let (_, tip_page) = sam.get(&app, &format!("/console/tips/{second}")).await;
    assert!(tip_page.contains("data-status=\"rejected\""), "{tip_page}");
    assert!(!tip_page.contains("id=\"cases\""));
}
