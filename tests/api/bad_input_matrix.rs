//! Invariant 7 as a matrix: every public endpoint (the reporter's, the sign-ins, the
//! agency API; the signed-in ones are in `bad_input_signed_in`) times every class of bad input gets a 4xx that says what was wrong,
//! stores nothing, and leaves every other client served. Classes that need a body
//! (oversize, malformed, nested, invalid UTF-8, NUL, wrong content type, slow body)
//! go to the endpoints that take one; huge header counts and slow headers go to every
//! endpoint, pages and reads included. Protocol-level refusals (431, 408 for headers)
//! come from the HTTP layer before any route runs: their status line is the message.

use crate::helpers::{client_from, row_counts, spawn_app_with, tls_stream, TestApp};
use reqwest::StatusCode;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// A JSON API route.
    Json,
    /// A reporter page's form: answered with a page in the reporter's language.
    Reporter,
    /// The console sign-in form.
    Console,
}

impl Kind {
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Kind::Json => "application/json",
            Kind::Reporter | Kind::Console => "application/x-www-form-urlencoded",
        }
    }

    fn wrong_type(self) -> &'static str {
        match self {
            Kind::Json => "application/x-www-form-urlencoded",
            Kind::Reporter | Kind::Console => "application/json",
        }
    }
}

/// What the reporter pages say (in English, asked for with `?lang=en`) when a form
/// cannot be used.
const UNREADABLE: &str = "The form could not be read";
const NO_SUCH_CODE: &str = "We could not find a report with that code";

#[derive(Clone)]
pub(crate) struct Endpoint {
    pub(crate) path: String,
    pub(crate) kind: Kind,
    /// Credentials and cookies the route needs to reach its body.
    pub(crate) headers: Vec<(&'static str, String)>,
    /// A body the route would take (with a valid content type).
    pub(crate) valid: Vec<u8>,
    /// This route's answer to a NUL where text goes (in its body, or in its path when
    /// nothing in the body is text): (path, body, status, says).
    pub(crate) nul: (String, Vec<u8>, StatusCode, &'static str),
    /// This route's answer to a deeply nested JSON value where its body takes one (none
    /// for a form with no field but its CSRF token).
    pub(crate) nested: Option<(Vec<u8>, StatusCode, &'static str)>,
}

pub(crate) struct Case {
    pub(crate) endpoint: Endpoint,
    pub(crate) class: &'static str,
    pub(crate) path: String,
    pub(crate) content_type: &'static str,
    pub(crate) body: Vec<u8>,
    pub(crate) status: StatusCode,
    pub(crate) says: &'static str,
}

/// 10,000 arrays inside each other: past serde_json's recursion limit.
pub(crate) fn deep_json() -> String {
    format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))
}

pub(crate) fn url_encoded(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

pub(crate) fn cases(endpoint: &Endpoint) -> Vec<Case> {
    let kind = endpoint.kind;
    let case = |class, content_type, body: Vec<u8>, status, says| Case {
        endpoint: endpoint.clone(),
        class,
        path: endpoint.path.clone(),
        content_type,
        body,
        status,
        says,
    };
    let huge = "a".repeat(300 * 1024);
    let (oversize, too_large) = match kind {
        Kind::Json => (
            format!("{{\"x\":\"{huge}\"}}"),
            "request body is larger than",
        ),
        Kind::Reporter => (format!("body={huge}"), UNREADABLE),
        Kind::Console => (format!("username={huge}"), "request body is larger than"),
    };
    let (malformed, malformed_status, malformed_says): (Vec<u8>, _, _) = match kind {
        Kind::Json => (
            b"{\"category\": ".to_vec(),
            StatusCode::BAD_REQUEST,
            "malformed JSON",
        ),
        // Every field twice.
        Kind::Reporter => (
            [&endpoint.valid[..], b"&", &endpoint.valid[..]].concat(),
            StatusCode::BAD_REQUEST,
            UNREADABLE,
        ),
        // Nothing a form holds, so no CSRF token either.
        Kind::Console => (
            b"=&&%%=".to_vec(),
            StatusCode::FORBIDDEN,
            "CSRF token is missing or wrong",
        ),
    };
    let (not_utf8, not_utf8_says): (Vec<u8>, _) = match kind {
        Kind::Json => (
            b"{\"category\":\"other\",\"body\":\"\xff\xfe\"}".to_vec(),
            "malformed JSON",
        ),
        Kind::Reporter => ([&endpoint.valid[..], b"&lang=%FF%FE"].concat(), UNREADABLE),
        Kind::Console => (
            [&endpoint.valid[..], b"&password=%FF%FE"].concat(),
            "the form is not UTF-8 text",
        ),
    };
    let wrong_type_says = match kind {
        Kind::Json => "Content-Type: application/json",
        Kind::Reporter => UNREADABLE,
        Kind::Console => "Content-Type: application/x-www-form-urlencoded",
    };
    let (nul_path, nul_body, nul_status, nul_says) = endpoint.nul.clone();
    let nested = endpoint
        .nested
        .clone()
        .map(|(body, status, says)| case("nested", kind.content_type(), body, status, says));
    let mut cases = vec![
        case(
            "oversize",
            kind.content_type(),
            oversize.into_bytes(),
            StatusCode::PAYLOAD_TOO_LARGE,
            too_large,
        ),
        case(
            "malformed",
            kind.content_type(),
            malformed,
            malformed_status,
            malformed_says,
        ),
        case(
            "invalid UTF-8",
            kind.content_type(),
            not_utf8,
            StatusCode::BAD_REQUEST,
            not_utf8_says,
        ),
        Case {
            path: nul_path,
            ..case("NUL", kind.content_type(), nul_body, nul_status, nul_says)
        },
        case(
            "wrong content type",
            kind.wrong_type(),
            endpoint.valid.clone(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            wrong_type_says,
        ),
    ];
    cases.extend(nested);
    cases
}

/// The public endpoints that take a body, each with what it needs to get that far.
async fn endpoints(app: &TestApp) -> Vec<Endpoint> {
    let token = app.agency_token("police").await;
    let bearer = vec![("authorization", format!("Bearer {token}"))];
    // The sign-in form's pre-session cookie and the CSRF token derived from it.
    let form = app.get("/console/login").await;
    let cookie = form
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let page = form.text().await.unwrap();
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let signed_form = |rest: &str| format!("csrf={csrf}&{rest}").into_bytes();
    let deep = deep_json();
    let deep_field = url_encoded(&deep);
    let unknown_code = "7K2M-Q9XD-B4T1-W8HN-3PRC";
    vec![
        Endpoint {
            path: "/api/v1/tips".into(),
            kind: Kind::Json,
            headers: vec![],
            valid: br#"{"category":"other","body":"a valid tip"}"#.to_vec(),
            nul: (
                "/api/v1/tips".into(),
                br#"{"category":"other","body":"a\u0000b"}"#.to_vec(),
                StatusCode::BAD_REQUEST,
                "body must not contain a NUL character",
            ),
            nested: Some((
                format!("{{\"category\":\"other\",\"body\":{deep}}}").into_bytes(),
                StatusCode::BAD_REQUEST,
                "malformed JSON: recursion limit exceeded",
            )),
        },
        Endpoint {
            path: "/?lang=en".into(),
            kind: Kind::Reporter,
            headers: vec![],
            valid: b"category=other&body=a+valid+tip".to_vec(),
            nul: (
                "/?lang=en".into(),
                b"category=other&body=a%00b".to_vec(),
                StatusCode::BAD_REQUEST,
                UNREADABLE,
            ),
            nested: Some((
                format!("sealed={deep_field}").into_bytes(),
                StatusCode::BAD_REQUEST,
                "We could not unlock your report",
            )),
        },
        Endpoint {
            path: "/follow-up?lang=en".into(),
            kind: Kind::Reporter,
            headers: vec![],
            valid: format!("receipt={unknown_code}").into_bytes(),
            nul: (
                "/follow-up?lang=en".into(),
                b"receipt=7K2M%00".to_vec(),
                StatusCode::NOT_FOUND,
                NO_SUCH_CODE,
            ),
            nested: Some((
                format!("receipt={deep_field}").into_bytes(),
                StatusCode::NOT_FOUND,
                NO_SUCH_CODE,
            )),
        },
        Endpoint {
            path: "/follow-up/answer?lang=en".into(),
            kind: Kind::Reporter,
            headers: vec![],
            valid: format!("receipt={unknown_code}&answer=the+farm").into_bytes(),
            nul: (
                "/follow-up/answer?lang=en".into(),
                b"receipt=%00&answer=a%00b".to_vec(),
                StatusCode::NOT_FOUND,
                NO_SUCH_CODE,
            ),
            nested: Some((
                format!("receipt={deep_field}&answer={deep_field}").into_bytes(),
                StatusCode::NOT_FOUND,
                NO_SUCH_CODE,
            )),
        },
        Endpoint {
            path: "/api/v1/review/login".into(),
            kind: Kind::Json,
            headers: vec![],
            valid: br#"{"username":"nobody","password":"guess"}"#.to_vec(),
            nul: (
                "/api/v1/review/login".into(),
                br#"{"username":"ana\u0000","password":"guess"}"#.to_vec(),
                StatusCode::BAD_REQUEST,
                "username: use 1 to 64 lowercase letters",
            ),
            nested: Some((
                format!("{{\"username\":{deep},\"password\":\"guess\"}}").into_bytes(),
                StatusCode::BAD_REQUEST,
                "malformed JSON",
            )),
        },
        Endpoint {
            path: "/console/login".into(),
            kind: Kind::Console,
            headers: vec![("cookie", cookie)],
            valid: signed_form("username=nobody&password=guess"),
            nul: (
                "/console/login".into(),
                signed_form("username=ana%00&password=guess"),
                StatusCode::BAD_REQUEST,
                "username: use 1 to 64 lowercase letters",
            ),
            nested: Some((
                signed_form(&format!("username={deep_field}&password=guess")),
                StatusCode::BAD_REQUEST,
                "username: use 1 to 64 lowercase letters",
            )),
        },
        Endpoint {
            path: "/api/v1/agency/cases/lease".into(),
            kind: Kind::Json,
            headers: bearer.clone(),
            valid: br#"{"max":1,"lease_seconds":60}"#.to_vec(),
            nul: (
                "/api/v1/agency/cases/lease".into(),
                br#"{"max":1,"lease_seconds":60,"\u0000":1}"#.to_vec(),
                StatusCode::BAD_REQUEST,
                "malformed JSON: unknown field",
            ),
            nested: Some((
                format!("{{\"max\":{deep}}}").into_bytes(),
                StatusCode::BAD_REQUEST,
                "malformed JSON",
            )),
        },
        Endpoint {
            path: "/api/v1/agency/cases/0123456789abcdef/nack".into(),
            kind: Kind::Json,
            headers: bearer.clone(),
            valid: br#"{"lease":"tll_x","reason":"not ours"}"#.to_vec(),
            nul: (
                "/api/v1/agency/cases/%00/nack".into(),
                br#"{"lease":"tll_\u0000","reason":"not ours"}"#.to_vec(),
                StatusCode::NOT_FOUND,
                "no such case",
            ),
            nested: Some((
                format!("{{\"lease\":\"tll_x\",\"reason\":{deep}}}").into_bytes(),
                StatusCode::BAD_REQUEST,
                "malformed JSON",
            )),
        },
        Endpoint {
            path: "/api/v1/agency/cases/0123456789abcdef/questions".into(),
            kind: Kind::Json,
            headers: bearer.clone(),
            valid: br#"{"question":"Which port?"}"#.to_vec(),
            nul: (
                "/api/v1/agency/cases/%00/questions".into(),
                br#"{"question":"Which port?"}"#.to_vec(),
                StatusCode::NOT_FOUND,
                "no such case",
            ),
            nested: Some((
                format!("{{\"question\":{deep}}}").into_bytes(),
                StatusCode::BAD_REQUEST,
                "malformed JSON",
            )),
        },
        Endpoint {
            path: "/api/v1/agency/cases/0123456789abcdef/ack".into(),
            kind: Kind::Json,
            headers: bearer,
            valid: br#"{"lease":"tll_x"}"#.to_vec(),
            nul: (
                "/api/v1/agency/cases/%00/ack".into(),
                br#"{"lease":"tll_\u0000"}"#.to_vec(),
                StatusCode::NOT_FOUND,
                "no such case",
            ),
            nested: Some((
                format!("{{\"lease\":{deep}}}").into_bytes(),
                StatusCode::BAD_REQUEST,
                "malformed JSON",
            )),
        },
    ]
}

/// The pages and reads that take no body: they get the header classes.
const READS: [&str; 6] = [
    "/",
    "/follow-up",
    "/api/v1/intake-key",
    "/api/v1/pow",
    "/healthz",
    "/console/login",
];

/// A request from another address (127.0.0.2): still served.
pub(crate) async fn another_client_is_served(app: &TestApp) {
    let other = client_from(&app.settings.data_dir, "127.0.0.2".parse().unwrap());
    let r = other
        .get(app.url("/api/v1/intake-key"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

pub(crate) async fn bad_input_app() -> TestApp {
    spawn_app_with(|s| {
        s.intake.rate_limit_per_minute = 10_000;
        s.review.sign_in_per_minute = 1000;
    })
    .await
}

#[tokio::test]
async fn every_endpoint_refuses_every_bad_body_clearly_and_stores_nothing() {
    let app = bad_input_app().await;
    let endpoints = endpoints(&app).await;
    let before = row_counts(&app).await;
    let mut checked = 0;
    for endpoint in &endpoints {
        for case in cases(endpoint) {
            let mut request = app
                .client
                .post(app.url(&case.path))
                .header("content-type", case.content_type)
                .body(case.body.clone());
            for (name, value) in &case.endpoint.headers {
                request = request.header(*name, value);
            }
            let r = request.send().await.unwrap();
            let status = r.status();
            let said = r.text().await.unwrap();
            let what = format!("{} {} ({:?})", case.class, case.path, case.endpoint.kind);
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
            checked += 1;
        }
        another_client_is_served(&app).await;
    }
    assert_eq!(checked, endpoints.len() * 6);

    // Huge header counts, on every endpoint, reads included.
    let paths = endpoints
        .iter()
        .map(|e| (e.path.clone(), true))
        .chain(READS.iter().map(|p| (p.to_string(), false)));
    for (path, post) in paths {
        let status = with_huge_header_count(|| {
            if post {
                app.client.post(app.url(&path))
            } else {
                app.client.get(app.url(&path))
            }
        })
        .await;
        assert_eq!(
            status,
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "{path}"
        );
    }
    another_client_is_served(&app).await;
    assert_eq!(
        row_counts(&app).await,
        before,
        "a refused request stored something"
    );
}

/// Sends a request with 200 headers and returns the status of the answer. The server
/// answers 431 as soon as it has read too many and closes; on a loaded machine that can
/// come before the client has written them all, and the client then meets the reset
/// instead of the answer: such an attempt is made again.
pub(crate) async fn with_huge_header_count(
    make: impl Fn() -> reqwest::RequestBuilder,
) -> StatusCode {
    for _ in 0..5 {
        let mut request = make();
        for i in 0..200 {
            request = request.header(format!("x-pad-{i}"), "x");
        }
        match request.send().await {
            Ok(answer) => return answer.status(),
            Err(e) if e.is_request() => continue,
            Err(e) => panic!("{e}"),
        }
    }
    panic!("every attempt was reset before its answer was read");
}

type Raw = rustls::StreamOwned<rustls::ClientConnection, std::net::TcpStream>;

/// Whether the server has answered (or closed), without waiting for it.
fn answered(stream: &Raw) -> bool {
    stream.sock.set_nonblocking(true).unwrap();
    let seen = stream.sock.peek(&mut [0]);
    stream.sock.set_nonblocking(false).unwrap();
    !matches!(seen, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock)
}

/// What the server said on a raw connection, up to the end of its answer or the close.
fn read_answer(stream: &mut Raw) -> String {
    let mut answer = Vec::new();
    let mut buf = [0; 8192];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
        let text = String::from_utf8_lossy(&answer);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length: ")
                        .map(str::to_owned)
                })
                .and_then(|n| n.trim().parse::<usize>().ok());
            if length.is_some_and(|n| body.len() >= n) {
                break;
            }
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

/// Slow headers (a line a second, never finished) and slow bodies (a byte every half
/// second), to every endpoint at once: each is cut off at its deadline with a 408 while
/// other clients are served, and nothing is stored.
#[tokio::test]
async fn slow_headers_and_slow_bodies_are_cut_off_at_their_deadlines() {
    let app = bad_input_app().await;
    let endpoints = endpoints(&app).await;
    let before = row_counts(&app).await;
    let (dir, port) = (app.settings.data_dir.clone(), app.port);
    let started = Instant::now();
    let mut slow = Vec::new();
    let paths = endpoints
        .iter()
        .map(|e| e.path.clone())
        .chain(READS.iter().map(|p| p.to_string()));
    for path in paths {
        let dir = dir.clone();
        slow.push(std::thread::spawn(move || {
            let mut stream = tls_stream(&dir, port);
            let head = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n");
            stream.write_all(head.as_bytes()).unwrap();
            for i in 0..20 {
                let line = format!("X-Slow-{i}: x\r\n");
                if stream.write_all(line.as_bytes()).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_secs(1));
                if answered(&stream) {
                    break;
                }
            }
            ("slow headers", path, 408, "", read_answer(&mut stream))
        }));
    }
    for endpoint in &endpoints {
        let (dir, endpoint) = (dir.clone(), endpoint.clone());
        slow.push(std::thread::spawn(move || {
            let mut stream = tls_stream(&dir, port);
            let mut head = format!(
                "POST {} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {}\r\nContent-Length: 1000\r\n",
                endpoint.path,
                endpoint.kind.content_type()
            );
            for (name, value) in &endpoint.headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            stream.write_all(head.as_bytes()).unwrap();
            for _ in 0..100 {
                if stream.write_all(b" ").and_then(|_| stream.flush()).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(500));
                if answered(&stream) {
                    break;
                }
            }
            let says = match endpoint.kind {
                Kind::Json | Kind::Console => "took longer than 30 seconds",
                Kind::Reporter => UNREADABLE,
            };
            ("slow body", endpoint.path, 408, says, read_answer(&mut stream))
        }));
    }
    // While they trickle, everyone else is served.
    tokio::time::sleep(Duration::from_secs(2)).await;
    another_client_is_served(&app).await;
    app.client
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
    let answers = tokio::task::spawn_blocking(move || {
        slow.into_iter()
            .map(|t| t.join().unwrap())
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    for (class, path, status, says, answer) in answers {
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status}")),
            "{class} {path}: {answer}"
        );
        assert!(answer.contains(says), "{class} {path}: {answer}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(45),
        "cut off in time: {:?}",
        started.elapsed()
    );
    another_client_is_served(&app).await;
    assert_eq!(
        row_counts(&app).await,
        before,
        "a slow request stored something"
    );
}
