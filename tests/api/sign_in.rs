//! Sign-in under attack: parallel guesses, a slowed (never locked) account, unknown
//! usernames, one client's flood, and bytes no username holds.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::json;
use tipline::domain::HandlerRole;
use tipline::store::credentials::{Account, Attempt, Throttle};

async fn login(app: &TestApp, username: &str, password: &str) -> (StatusCode, String) {
    login_with(app, username, password, "").await
}

/// A sign-in with a TOTP code too.
async fn login_with(
    app: &TestApp,
    username: &str,
    password: &str,
    totp: &str,
) -> (StatusCode, String) {
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .json(&json!({ "username": username, "password": password, "totp": totp }))
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_burst_of_parallel_guesses_gets_no_more_checks_than_a_sequence() {
    let app = spawn_app_with(|s| s.review.sign_in_per_minute = 1000).await;
    let h = app.add_handler("tane", HandlerRole::Handler).await;
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..40 {
        let (client, url) = (app.client.clone(), app.url("/api/v1/review/login"));
        guesses.spawn(async move {
            let body = json!({ "username": "tane", "password": format!("wrong guess {i}") });
            client.post(url).json(&body).send().await.unwrap().status()
        });
    }
    let statuses = guesses.join_all().await;
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(statuses
        .iter()
        .all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS));
    let log = app
        .store
        .audit_rows(Some("handler:tane"), None, 100)
        .await
        .unwrap();
    let checked = log
        .iter()
        .filter(|r| r.entry.action == "login_failed" || r.entry.action == "login_slowed")
        .count();
    assert_eq!(checked, 5, "only max_failed_logins guesses were checked");
    // The fifth failure set a wait (429); the other 35 came too early and were refused
    // unchecked.
    assert_eq!(refused, 36, "{statuses:?}");
    // The account is slowed now: the right password is refused like a wrong one.
    let (status, _) = login(&app, "tane", &h.password).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

/// Before: five failures locked the account for `lockout_minutes`, so anyone could
/// keep any handler (the only admin too) out. Now they only make the next attempt wait.
#[tokio::test]
async fn an_attacker_slows_an_account_but_its_owner_still_gets_in() {
    // Three seconds: longer than a checked attempt takes in a debug build, so that the
    // attempt right after the fifth failure comes too early (times are whole seconds).
    let app = spawn_app_with(|s| s.review.sign_in_wait_seconds = 3).await;
    let admin = app.add_handler("only-admin", HandlerRole::Admin).await;
    for attempt in 1..=5 {
        let (status, body) = login(&app, "only-admin", "attacker guess").await;
        let expected = if attempt < 5 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(status, expected, "attempt {attempt}: {body}");
    }
    let code = admin.code().await;
    let (status, _) = login_with(&app, "only-admin", &admin.password, &code).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "too early: refused unchecked"
    );
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    // A fresh code: the first was for the oldest time step the server accepts, which may
    // have passed during the wait.
    let code = admin.code().await;
    let (status, body) = login_with(&app, "only-admin", &admin.password, &code).await;
    assert_eq!(status, StatusCode::OK, "the wait passed: {body}");
}

/// The rule, with the clock in the test's hands: five free failures, then a wait that
/// doubles from the first to the longest, never a lock; a quiet day forgets; and an
/// unknown name goes through exactly the same steps as a handler.
#[tokio::test]
async fn each_failure_doubles_the_wait_up_to_the_longest_and_a_quiet_day_forgets() {
    let app = spawn_app().await;
    app.add_handler("rangi", HandlerRole::Handler).await;
    let id = app
        .store
        .handler_by_username("rangi")
        .await
        .unwrap()
        .unwrap()
        .id;
    let throttle = Throttle {
        free_failures: 5,
        first_wait: 30,
        longest_wait: 900,
    };
    let t0 = tipline::store::now();
    let script: Vec<(i64, Attempt)> = {
        let counted = |number, wait| Attempt::Counted { number, wait };
        let early = |not_before| Attempt::TooEarly { not_before };
        vec![
            (t0, counted(1, 0)),
            (t0, counted(2, 0)),
            (t0, counted(3, 0)),
            (t0, counted(4, 0)),
            (t0, counted(5, 30)),
            (t0 + 29, early(t0 + 30)),
            (t0 + 30, counted(6, 60)),
            (t0 + 89, early(t0 + 90)),
            (t0 + 90, counted(7, 120)),
            (t0 + 210, counted(8, 240)),
            (t0 + 450, counted(9, 480)),
            (t0 + 930, counted(10, 900)),
            (t0 + 1830, counted(11, 900)),
            (t0 + 2729, early(t0 + 2730)),
            // A day with no attempt: the count starts again.
            (t0 + 2730 + 86_400, counted(1, 0)),
        ]
    };
    for account in [Account::Handler(id), Account::Unknown("made-up-name-hash")] {
        for (at, expected) in &script {
            let got = app
                .store
                .reserve_sign_in_attempt(account, throttle, *at)
                .await
                .unwrap();
            assert_eq!(got, *expected, "{account:?} at t0+{}", at - t0);
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Answer {
    status: StatusCode,
    /// Every header but `date` (the second it was sent).
    headers: Vec<(String, String)>,
    body: String,
}

/// Asserts two answers are the same bytes but for `Retry-After`, which counts the wait
/// left in whole seconds: two requests made together may fall either side of a second's
/// end, so the two may differ by one. Returns the real answer without it, and its wait.
fn assert_alike(mut real: Answer, mut ghost: Answer, context: &str) -> (Answer, Option<u64>) {
    let real_wait = real.take_retry_after();
    let ghost_wait = ghost.take_retry_after();
    assert_eq!(real, ghost, "{context}");
    match (real_wait, ghost_wait) {
        (Some(a), Some(b)) => assert!(a.abs_diff(b) <= 1, "{context}: Retry-After {a} and {b}"),
        (None, None) => {}
        other => panic!("{context}: Retry-After on one answer only: {other:?}"),
    }
    (real, real_wait)
}

impl Answer {
    fn take_retry_after(&mut self) -> Option<u64> {
        let at = self.headers.iter().position(|(n, _)| n == "retry-after")?;
        Some(
            self.headers
                .remove(at)
                .1
                .parse()
                .expect("Retry-After in seconds"),
        )
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status();
    let mut headers: Vec<_> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date")
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
        .collect();
    headers.sort();
    Answer {
        status,
        headers,
        body: response.text().await.unwrap(),
    }
}

/// A wrong password for a real handler and any password for a name that names nobody get
/// the same bytes back (status, headers, cookies, body), through the checked failures, the
/// failure that sets a wait and the attempts refused before it passes; on the JSON API and
/// the sign-in page alike. Each pair is sent together, so both land in the same second
/// and `Retry-After` counts from the same moment.
#[tokio::test]
async fn a_username_that_names_nobody_answers_exactly_like_a_real_one() {
    let app = spawn_app_with(|s| s.review.sign_in_per_minute = 1000).await;
    app.add_handler("hemi", HandlerRole::Handler).await;
    app.add_handler("mere", HandlerRole::Handler).await;
    let json = |name: &'static str| {
        app.client
            .post(app.url("/api/v1/review/login"))
            .json(&json!({ "username": name, "password": "not the password" }))
            .send()
    };
    let mut statuses = Vec::new();
    for attempt in 1..=7 {
        let (real, ghost) = tokio::join!(json("hemi"), json("kiwi"));
        let (real, wait) = assert_alike(
            answer(real.unwrap()).await,
            answer(ghost.unwrap()).await,
            &format!("attempt {attempt}"),
        );
        if let Some(wait) = wait {
            assert!(wait == 30 || wait == 29, "Retry-After {wait}");
        }
        assert!(
            !real.headers.iter().any(|(name, _)| name == "set-cookie"),
            "{real:?}"
        );
        statuses.push(real.status);
        if real.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(wait.is_some());
        }
    }
    let mut expected = vec![StatusCode::UNAUTHORIZED; 4];
    expected.extend([StatusCode::TOO_MANY_REQUESTS; 3]);
    assert_eq!(statuses, expected);

    // The sign-in page, one browser posting both (one CSRF cookie): the pages differ only
    // in the name echoed back, which is as long in both.
    let browser = crate::helpers::client_for(&app.settings.data_dir);
    let form = browser
        .get(app.url("/console/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = form
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let page = |name: &'static str| {
        browser
            .post(app.url("/console/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("username", name),
                ("password", "not the password"),
            ])
            .send()
    };
    for attempt in 1..=6 {
        let (real, ghost) = tokio::join!(page("mere"), page("wiki"));
        let (real, mut ghost) = (answer(real.unwrap()).await, answer(ghost.unwrap()).await);
        ghost.body = ghost.body.replace("wiki", "mere");
        assert_alike(real, ghost, &format!("page attempt {attempt}"));
    }

    // Failures for names that name nobody are audited, without the name.
    let rows = app.store.audit_rows(None, None, 1000).await.unwrap();
    let unknown: Vec<_> = rows
        .iter()
        .filter(|r| r.entry.actor == "unknown-username")
        .collect();
    assert_eq!(unknown.len(), 10, "{rows:?}");
    assert!(rows.iter().all(|r| !format!("{r:?}").contains("kiwi")));
}

#[tokio::test]
async fn one_client_cannot_sign_in_faster_than_its_allowance() {
    let app = spawn_app_with(|s| s.review.sign_in_per_minute = 3).await;
    let admin = app.add_handler("admin", HandlerRole::Admin).await;
    for name in ["a", "b", "c"] {
        assert_eq!(login(&app, name, "guess").await.0, StatusCode::UNAUTHORIZED);
    }
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .json(
            &json!({ "username": "admin", "password": admin.password, "totp": admin.code().await }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("too many attempts from this connection"));
    // Nothing was checked or counted against the admin's account.
    let log = app
        .store
        .audit_rows(Some("handler:admin"), None, 10)
        .await
        .unwrap();
    assert!(
        log.iter().all(|r| !r.entry.action.starts_with("login")),
        "{log:?}"
    );
}

/// A name no username can be is refused outright (400), before anything is counted,
/// checked or stored; on PostgreSQL too, where a NUL would otherwise be a server error.
#[tokio::test]
async fn bytes_no_username_holds_are_refused_before_anything_is_counted() {
    let app = spawn_app().await;
    app.add_handler("ana", HandlerRole::Handler).await;
    for name in [
        "ana\u{0}",
        "\u{0}",
        "ana\u{0}; DROP TABLE handlers",
        &"x".repeat(5000),
    ] {
        let (status, body) = login(&app, name, "whatever").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{name:?}: {body}");
        assert!(
            body.contains("username: use 1 to 64 lowercase letters"),
            "{body}"
        );
    }
    let rows = app.store.audit_rows(None, None, 100).await.unwrap();
    assert!(
        rows.iter().all(|r| !r.entry.action.starts_with("login")),
        "{rows:?}"
    );
}

/// Login CSRF: a cross-site HTML form can post `text/plain` with no preflight, and a
/// browser without fetch metadata still names the page's `Origin`. Both are refused.
#[tokio::test]
async fn the_json_sign_in_refuses_plain_text_and_foreign_origins() {
    let app = spawn_app().await;
    let h = app.add_handler("kiri", HandlerRole::Handler).await;
    let credentials =
        json!({ "username": "kiri", "password": h.password, "totp": h.code().await }).to_string();
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .header("content-type", "text/plain")
        .body(credentials.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .header("content-type", "application/json")
        .header("origin", "https://attacker.example")
        .body(credentials.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("cross-site"));
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .header("content-type", "application/json")
        .header("origin", format!("https://localhost:{}", app.port))
        .body(credentials)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

/// The `name=value` of the device cookie a sign-in answer sets, checking its attributes.
fn device_cookie_of(response: &reqwest::Response) -> String {
    let set = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("__Host-tipline_device="))
        .expect("a successful sign-in sets a device cookie");
    for attribute in [
        "Secure",
        "HttpOnly",
        "SameSite=Strict",
        "Path=/",
        "Max-Age=15552000",
    ] {
        assert!(set.contains(attribute), "{attribute} missing in {set}");
    }
    assert!(!set.contains("Domain"), "{set}");
    set.split(';').next().unwrap().to_owned()
}

async fn login_with_cookie(
    app: &TestApp,
    cookie: &str,
    username: &str,
    password: &str,
) -> reqwest::Response {
    // A client with no cookie jar: it sends exactly the cookie given.
    reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(
            reqwest::Certificate::from_pem(
                &std::fs::read(app.settings.data_dir.join("dev-cert.pem")).unwrap(),
            )
            .unwrap(),
        )
        .build()
        .unwrap()
        .post(app.url("/api/v1/review/login"))
        .header("cookie", cookie)
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
}

/// A wait long enough that nothing in the test outlasts it.
async fn device_app() -> TestApp {
    spawn_app_with(|s| {
        s.review.sign_in_per_minute = 1000;
        s.review.sign_in_wait_seconds = 600;
    })
    .await
}

/// Five failures from a stranger: the account now waits for any browser without a
/// device cookie of its own (the last answer sets the wait).
async fn stranger_makes_the_account_wait(app: &TestApp, username: &str) {
    let stranger =
        crate::helpers::client_from(&app.settings.data_dir, "127.0.0.3".parse().unwrap());
    for attempt in 1..=5 {
        let r = stranger
            .post(app.url("/api/v1/review/login"))
            .json(&json!({ "username": username, "password": "stranger's guess" }))
            .send()
            .await
            .unwrap();
        let expected = if attempt < 5 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(r.status(), expected, "attempt {attempt}");
    }
}

/// The siege a precise attacker can keep up (trying again the second each wait ends)
/// holds the account, but not its owner's browser: the device cookie from an earlier
/// sign-in is counted apart, so the owner gets in at once, and that leaves the
/// strangers' count where it was.
#[tokio::test]
async fn a_strangers_failures_make_the_account_wait_but_not_its_owners_device() {
    let app = device_app().await;
    let owner = app.add_handler("aroha", HandlerRole::Admin).await;
    let earlier = owner
        .post_json(
            "/api/v1/review/login",
            &json!({ "username": "aroha", "password": owner.password, "totp": owner.code().await }),
        )
        .await;
    assert_eq!(earlier.status(), StatusCode::OK);
    let device = device_cookie_of(&earlier);
    stranger_makes_the_account_wait(&app, "aroha").await;
    // Any browser without the cookie waits, the right password or not.
    let (status, _) = login(&app, "aroha", &owner.password).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // The owner's browser (its jar holds the device cookie) gets in at once.
    let r = owner
        .post_json(
            "/api/v1/review/login",
            &json!({ "username": "aroha", "password": owner.password, "totp": owner.code().await }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    // The cookie is replaced at each sign-in: the old one is now no device at all.
    let renewed = device_cookie_of(&r);
    assert_ne!(renewed, device);
    let r = login_with_cookie(&app, &device, "aroha", &owner.password).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // Only the keyed hash is stored.
    let secret = renewed.split_once('=').unwrap().1;
    assert!(!app.database_contains(secret).await);
}

/// A device cookie that is not one of the account's (made up, or another handler's)
/// is as good as none: the account's wait holds. And whatever cookie comes, a name
/// that names nobody answers exactly as a real one does.
#[tokio::test]
async fn a_bogus_device_cookie_is_treated_as_none() {
    let app = device_app().await;
    let owner = app.add_handler("aroha", HandlerRole::Admin).await;
    app.add_handler("hine", HandlerRole::Handler).await;
    let other = app.add_handler("bob", HandlerRole::Handler).await;
    let r = other
        .post_json(
            "/api/v1/review/login",
            &json!({ "username": "bob", "password": other.password, "totp": other.code().await }),
        )
        .await;
    let bobs_device = device_cookie_of(&r);
    stranger_makes_the_account_wait(&app, "aroha").await;
    let forged = "__Host-tipline_device=tld_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    for cookie in [forged, "__Host-tipline_device=", bobs_device.as_str()] {
        let r = login_with_cookie(&app, cookie, "aroha", &owner.password).await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "{cookie}");
        assert!(r.headers().get("set-cookie").is_none());
    }
    for cookie in [forged, bobs_device.as_str()] {
        for attempt in 1..=6 {
            let (real, ghost) = tokio::join!(
                login_with_cookie(&app, cookie, "hine", "not the password"),
                login_with_cookie(&app, cookie, "kiwi", "not the password"),
            );
            assert_alike(
                answer(real).await,
                answer(ghost).await,
                &format!("{cookie}, attempt {attempt}"),
            );
        }
    }
}

/// A stolen (or guessed) device cookie of the account gets its own free failures and
/// then the same waits as anyone: the device is slowed, and the account's own count
/// (browsers without a cookie) is untouched by it.
#[tokio::test]
async fn a_stolen_device_cookie_gets_the_waits_after_its_own_free_failures() {
    let app = device_app().await;
    let owner = app.add_handler("aroha", HandlerRole::Admin).await;
    let r = owner
        .post_json(
            "/api/v1/review/login",
            &json!({ "username": "aroha", "password": owner.password, "totp": owner.code().await }),
        )
        .await;
    let stolen = device_cookie_of(&r);
    for attempt in 1..=5 {
        let r = login_with_cookie(&app, &stolen, "aroha", "thief's guess").await;
        let expected = if attempt < 5 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(r.status(), expected, "attempt {attempt}");
    }
    let r = login_with_cookie(&app, &stolen, "aroha", &owner.password).await;
    assert_eq!(
        r.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the device waits"
    );
    let (status, body) = login_with(&app, "aroha", &owner.password, &owner.code().await).await;
    assert_eq!(status, StatusCode::OK, "the account did not: {body}");
}

/// A first password works alone (only to set up an authenticator) for
/// `review.enrol_within_hours`; found later, it cannot enrol anyone's authenticator. A
/// password reset opens the window again.
#[tokio::test]
async fn a_first_password_alone_stops_signing_in_when_enrolment_lapses() {
    let app = spawn_app().await;
    let tui = app
        .add_handler_without_totp("tui", HandlerRole::Handler)
        .await;
    let (status, body) = login(&app, "tui", &tui.password).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        body.contains("sign in at /console/login to set it up"),
        "{body}"
    );

    let pool = app.raw_pool().await;
    let opened = tipline::store::now() - 73 * 3600;
    sqlx::query("UPDATE handlers SET enrol_opened_at = $1 WHERE username = 'tui'")
        .bind(opened)
        .execute(&pool)
        .await
        .unwrap();
    let (status, body) = login(&app, "tui", &tui.password).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("no longer signs in"), "{body}");
    // A wrong password learns nothing of it.
    let (status, body) = login(&app, "tui", "not the password").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");

    let id = app
        .store
        .handler_by_username("tui")
        .await
        .unwrap()
        .unwrap()
        .id;
    let hash = tipline::crypto::password::hash("a fresh password from the admin");
    assert!(app
        .store
        .reset_password("operator:cli", id, &hash, tipline::store::now())
        .await
        .unwrap());
    let (status, body) = login(&app, "tui", "a fresh password from the admin").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        body.contains("sign in at /console/login to set it up"),
        "{body}"
    );
}
