//! Plan of Action statistics over a generated set of tips (stored columns only, as the
//! statistics read them): known totals come out right where counts are large; every
//! published cell is 0, suppressed, or a multiple of 3; no suppressed cell follows from
//! the totals shown; the same request gives the same table, from the agency API, the
//! console (page and CSV) and the command line alike. And, with canaries sent through
//! the real flow, no output holds tip text or a time finer than a day.

use crate::console_pages::Console;
use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::process::Command;
use tipline::domain::{CaseId, HandlerRole, TipId};

/// The first days of the `n` months that ended most recently, oldest first (`YYYY-MM`).
fn ended_months(n: i32) -> Vec<String> {
    let today = tipline::store::today();
    let (year, month): (i32, i32) = (today[..4].parse().unwrap(), today[5..7].parse().unwrap());
    let index = year * 12 + (month - 1);
    (1..=n)
        .rev()
        .map(|back| {
            let i = index - back;
            format!("{:04}-{:02}", i / 12, i % 12 + 1)
        })
        .collect()
}

/// One counted thing: its measure and what it is by each dimension.
#[derive(Clone)]
struct Fact {
    measure: &'static str,
    dims: BTreeMap<&'static str, String>,
}

const CATEGORIES: [&str; 5] = [
    "forced_labour",
    "trafficking",
    "slavery",
    "worker_exploitation",
    "other",
];

/// Stores a generated set of tips and their report cases straight into the tables
/// statistics read (no tip text: statistics never read any), and returns the facts.
async fn generate(app: &TestApp, months: &[String]) -> Vec<Fact> {
    let pool = app.raw_pool().await;
    let mut tx = pool.begin().await.unwrap();
    let mut facts = Vec::new();
    let mut g: u64 = 0;
    for (mi, month) in months.iter().enumerate() {
        let per_category = [
            31 + 3 * mi as u64,
            12 + mi as u64,
            [2, 0, 4, 1, 0, 3][mi % 6],
            20 + 2 * mi as u64,
            [5, 7, 0, 9, 1, 6][mi % 6],
        ];
        for (category, n) in CATEGORIES.iter().zip(per_category) {
            for _ in 0..n {
                g += 1;
                let region = match g % 20 {
                    0..=11 => "auckland",
                    12..=15 => "canterbury",
                    16..=18 => "waikato",
                    _ => "west_coast",
                };
                let channel = match g % 10 {
                    _ if g.is_multiple_of(97) => None,
                    0..=6 => Some("web"),
                    7 | 8 => Some("api"),
                    _ => Some("phone"),
                };
                let (status, outcome) = match g % 8 {
                    0..=3 => ("forwarded", "forwarded"),
                    4 => ("rejected", "rejected"),
                    5 => ("awaiting_reporter", "awaiting_reporter"),
                    _ => ("pending_review", "waiting_for_review"),
                };
                let day = format!("{month}-{:02}", 1 + g % 28);
                let id = TipId::new();
                sqlx::query(
                    "INSERT INTO tips (id, status, category, received_on, sealed, receipt_hash, channel, region) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(id.as_str())
                .bind(status)
                .bind(*category)
                .bind(&day)
                .bind(vec![0u8; 8])
                .bind(format!("generated-{g}"))
                .bind(channel)
                .bind(region)
                .execute(&mut *tx)
                .await
                .unwrap();
                let mut dims = BTreeMap::from([
                    ("month", month.clone()),
                    ("category", category.to_string()),
                    ("region", region.to_owned()),
                    ("channel", channel.unwrap_or("not_recorded").to_owned()),
                    ("outcome", outcome.to_owned()),
                ]);
                facts.push(Fact {
                    measure: "tips",
                    dims: dims.clone(),
                });
                if status != "forwarded" {
                    continue;
                }
                let agencies: &[&str] = if g.is_multiple_of(3) {
                    &["police", "mbie"]
                } else {
                    &["police"]
                };
                let arrived = time::Date::parse(
                    &day,
                    time::macros::format_description!("[year]-[month]-[day]"),
                )
                .unwrap();
                let forwarded_at = arrived.midnight().assume_utc().unix_timestamp()
                    + (g % 13) as i64 * 86_400
                    + 3_600;
                for agency in agencies {
                    let acknowledged = !g.is_multiple_of(5);
                    sqlx::query(
                        "INSERT INTO cases (id, tip_id, agency_id, kind, sequence, category, received_on, body, state, created_at) \
                         VALUES ($1, $2, $3, 'report', 0, $4, $5, $6, $7, $8)",
                    )
                    .bind(CaseId::new().as_str())
                    .bind(id.as_str())
                    .bind(*agency)
                    .bind(*category)
                    .bind(&day)
                    .bind(vec![0u8; 8])
                    .bind(if acknowledged { "acknowledged" } else { "queued" })
                    .bind(forwarded_at)
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                    dims = BTreeMap::from([
                        ("month", month.clone()),
                        ("agency", agency.to_string()),
                        (
                            "acknowledged",
                            if acknowledged { "yes" } else { "no" }.to_owned(),
                        ),
                    ]);
                    facts.push(Fact {
                        measure: "reports",
                        dims: dims.clone(),
                    });
                }
            }
        }
    }
    tx.commit().await.unwrap();
    pool.close().await;
    facts
}

/// How many facts of `measure` match every (dimension, value) given.
fn truth(facts: &[Fact], measure: &str, restrict: &[(&str, &str)]) -> u64 {
    facts
        .iter()
        .filter(|f| f.measure == measure)
        .filter(|f| {
            restrict
                .iter()
                .all(|(d, v)| f.dims.get(d).map(String::as_str) == Some(*v))
        })
        .count() as u64
}

/// A published entry: the (dimension, value) pairs it restricts by, and its value
/// (`None` when suppressed).
type Entry = (Vec<(String, String)>, Option<u64>);

/// Every published entry of a table.
fn entries(table: &Value) -> Vec<Entry> {
    let rd = table["rows"]["dimension"].as_str().unwrap().to_owned();
    let cd = table["columns"]["dimension"].as_str().unwrap().to_owned();
    let rows: Vec<String> = table["rows"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let cols: Vec<String> = table["columns"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let value = |v: &Value| v.as_u64();
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, col) in cols.iter().enumerate() {
            out.push((
                vec![(rd.clone(), row.clone()), (cd.clone(), col.clone())],
                value(&table["cells"][r][c]),
            ));
        }
        out.push((
            vec![(rd.clone(), row.clone())],
            value(&table["row_totals"][r]),
        ));
    }
    for (c, col) in cols.iter().enumerate() {
        out.push((
            vec![(cd.clone(), col.clone())],
            value(&table["column_totals"][c]),
        ));
    }
    out.push((vec![], value(&table["total"])));
    out
}

fn key(measure: &str, restrict: &[(String, String)]) -> String {
    let mut parts: Vec<String> = restrict.iter().map(|(d, v)| format!("{d}={v}")).collect();
    parts.sort();
    format!("{measure}|{}", parts.join(";"))
}

/// The suppressed entries that the published tables' rows and columns (every table's
/// equations together, with every published entry taken at its true value, which is
/// more than an attacker has) would fix: none may be.
fn derivable(stats: &Value) -> Vec<String> {
    let mut unknown: BTreeMap<String, usize> = BTreeMap::new();
    let mut equations: Vec<BTreeMap<usize, f64>> = Vec::new();
    for table in stats["tables"].as_array().unwrap() {
        let measure = table["measure"].as_str().unwrap();
        let rd = table["rows"]["dimension"].as_str().unwrap();
        let cd = table["columns"]["dimension"].as_str().unwrap();
        let all = entries(table);
        for (restrict, value) in &all {
            if value.is_none() {
                let k = key(measure, restrict);
                let n = unknown.len();
                unknown.entry(k).or_insert(n);
            }
        }
        // Rows and columns: parts minus total. Published entries are constants.
        let lines: Vec<(Vec<&Entry>, &Entry)> = {
            let mut lines = Vec::new();
            let by = |dim: &str, v: Option<&str>| -> Vec<&Entry> {
                all.iter()
                    .filter(|(r, _)| match v {
                        Some(v) => r.len() == 2 && r.iter().any(|(d, x)| d == dim && x == v),
                        None => r.len() == 1 && r[0].0 == dim,
                    })
                    .collect()
            };
            for (r, _) in all.iter().filter(|(r, _)| r.len() == 1) {
                let (dim, v) = &r[0];
                let total = all.iter().find(|(x, _)| x == r).unwrap();
                lines.push((by(dim, Some(v)), total));
            }
            let grand = all.iter().find(|(x, _)| x.is_empty()).unwrap();
            lines.push((by(rd, None), grand));
            lines.push((by(cd, None), grand));
            lines
        };
        for (parts, total) in lines {
            let mut e = BTreeMap::new();
            for (restrict, value) in parts {
                if value.is_none() {
                    *e.entry(unknown[&key(measure, restrict)]).or_insert(0.0) += 1.0;
                }
            }
            if total.1.is_none() {
                *e.entry(unknown[&key(measure, &total.0)]).or_insert(0.0) -= 1.0;
            }
            if !e.is_empty() {
                equations.push(e);
            }
        }
    }
    // Reduce to row echelon form; an unknown is fixed when its pivot row has no free
    // unknown in it.
    let n = unknown.len();
    let mut m: Vec<Vec<f64>> = equations
        .iter()
        .map(|e| (0..n).map(|i| *e.get(&i).unwrap_or(&0.0)).collect())
        .collect();
    let mut pivots = Vec::new();
    let mut row = 0;
    for col in 0..n {
        let Some(p) = (row..m.len()).find(|&r| m[r][col].abs() > 1e-9) else {
            continue;
        };
        m.swap(row, p);
        let lead = m[row][col];
        for x in &mut m[row] {
            *x /= lead;
        }
        for r in 0..m.len() {
            if r != row && m[r][col].abs() > 1e-9 {
                let f = m[r][col];
                let pivot = m[row].clone();
                for (x, p) in m[r].iter_mut().zip(pivot) {
                    *x -= f * p;
                }
            }
        }
        pivots.push((row, col));
        row += 1;
    }
    let pivot_cols: Vec<usize> = pivots.iter().map(|p| p.1).collect();
    let names: BTreeMap<usize, String> = unknown.iter().map(|(k, &i)| (i, k.clone())).collect();
    pivots
        .iter()
        .filter(|&&(r, _)| {
            (0..n)
                .filter(|c| !pivot_cols.contains(c))
                .all(|c| m[r][c].abs() < 1e-9)
        })
        .map(|&(_, c)| names[&c].clone())
        .collect()
}

async fn stats_json(app: &TestApp, token: &str, query: &str) -> Value {
    let r = app
        .client
        .get(app.url(&format!("/api/v1/stats{query}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

fn cli(app: &TestApp, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(args)
        .env_remove("RUST_LOG")
        .env("TIPLINE_DATA_DIR", &app.settings.data_dir)
        .env("TIPLINE_DATABASE__URL", &app.settings.database.url)
        .output()
        .unwrap()
}

#[tokio::test]
async fn published_tables_are_protected_and_the_same_every_time() {
    let app = spawn_app().await;
    let months = ended_months(6);
    let facts = generate(&app, &months).await;
    let token = app.agency_token("police").await;
    let query = format!("?from={}&to={}", months[0], months[5]);
    let stats = stats_json(&app, &token, &query).await;
    crate::openapi::check(
        &serde_json::from_str(crate::openapi::DOCUMENT).unwrap(),
        "Statistics",
        &stats,
    );
    assert_eq!(stats["period"]["months"], json!(months));

    let mut large = 0;
    for table in stats["tables"].as_array().unwrap() {
        let measure = table["measure"].as_str().unwrap();
        for (restrict, published) in entries(table) {
            let pairs: Vec<(&str, &str)> = restrict
                .iter()
                .map(|(d, v)| (d.as_str(), v.as_str()))
                .collect();
            let true_value = truth(&facts, measure, &pairs);
            let what = format!(
                "{} {restrict:?}: true {true_value}, shown {published:?}",
                table["id"]
            );
            // Every published cell is 0 or a multiple of 3 (6 at least), within the
            // rounding of the truth.
            if let Some(v) = published {
                assert!(v == 0 || (v % 3 == 0 && v >= 6), "{what}");
                assert!(v.abs_diff(true_value) <= 2, "{what}");
                if v == 0 {
                    assert_eq!(true_value, 0, "{what}");
                }
            }
            if (1..6).contains(&true_value) {
                assert_eq!(published, None, "small counts are suppressed: {what}");
            }
            if true_value >= 100 && published.is_some() {
                large += 1;
            }
        }
    }
    assert!(large >= 10, "the set has large counts, shown: {large}");
    // Known totals, where counts are large: right to within the rounding.
    let tips_total = truth(&facts, "tips", &[]);
    assert!(tips_total > 400);
    let shown_total = stats["tables"][0]["total"].as_u64().unwrap();
    assert!(
        shown_total.abs_diff(tips_total) <= 2,
        "{shown_total} for {tips_total}"
    );
    let forced = truth(&facts, "tips", &[("category", "forced_labour")]);
    let shown = stats["tables"][0]["column_totals"][0].as_u64().unwrap();
    assert!(shown.abs_diff(forced) <= 2);
    // One count is one published value, whichever table shows it.
    assert_eq!(stats["tables"][0]["total"], stats["tables"][1]["total"]);
    assert_eq!(
        stats["tables"][0]["row_totals"],
        stats["tables"][3]["row_totals"]
    );
    assert_eq!(
        stats["tables"][4]["column_totals"],
        stats["tables"][5]["row_totals"]
    );

    // Some cells are suppressed, and none of them follows from what is shown.
    let suppressed = stats.to_string().matches("null").count();
    assert!(suppressed > 5, "{suppressed}");
    assert_eq!(derivable(&stats), Vec::<String>::new());

    // The durations: over the forwarded tips of each month, whole days.
    let durations = stats["time_to_forward"]["rows"].as_array().unwrap();
    assert_eq!(durations.len(), 7);
    let all = &durations[6];
    assert_eq!(all["month"], "all");
    let median = all["median_days"].as_f64().unwrap();
    assert!((0.0..=12.0).contains(&median), "{all}");
    assert!(all["p90_days"].as_u64().unwrap() <= 12);

    // The same request, again and from every door, gives the same table.
    assert_eq!(stats_json(&app, &token, &query).await, stats);
    let out = cli(
        &app,
        &[
            "stats", "--from", &months[0], "--to", &months[5], "--format", "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(serde_json::from_slice::<Value>(&out.stdout).unwrap(), stats);
    let api_csv = app
        .client
        .get(app.url(&format!("/api/v1/stats{query}&format=csv")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let supervisor = Console::signed_in(&app, "sup", HandlerRole::Supervisor).await;
    let (status, console_csv) = supervisor
        .get(&app, &format!("/console/stats.csv{query}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(console_csv, api_csv);
    let out = cli(
        &app,
        &[
            "stats", "--from", &months[0], "--to", &months[5], "--format", "csv",
        ],
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), api_csv);
    assert!(api_csv.starts_with("table,row_dimension,row,column_dimension,column,value\r\n"));
    assert!(api_csv.contains(",S\r\n"));
}

#[tokio::test]
async fn bad_periods_and_callers_are_refused() {
    let app = spawn_app().await;
    let token = app.agency_token("police").await;
    let get = |query: &'static str, token: Option<String>| {
        let mut r = app.client.get(app.url(&format!("/api/v1/stats{query}")));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    assert_eq!(
        get("", None).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    for (query, says) in [
        ("?from=2025-13", "from: expected a month"),
        ("?to=yesterday", "to: expected a month"),
        ("?from=2024-05&to=2024-04", "is after"),
        ("?from=2999-01", "no month that has ended"),
        ("?format=xml", "format: unknown format"),
        ("?period=all", "query"),
    ] {
        let r = get(query, Some(token.clone())).await.unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{query}");
        let body: Value = r.json().await.unwrap();
        assert!(
            body["error"].as_str().unwrap().contains(says),
            "{query}: {body}"
        );
    }
    // Only supervisors see the console's statistics.
    let handler = Console::signed_in(&app, "h", HandlerRole::Handler).await;
    assert_eq!(
        handler.get(&app, "/console/stats").await.0,
        StatusCode::FORBIDDEN
    );
    let supervisor = Console::signed_in(&app, "s", HandlerRole::Supervisor).await;
    let (status, page) = supervisor.get(&app, "/console/stats?from=2025-13").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("from: expected a month"), "{page}");
    let out = cli(&app, &["stats", "--from", "soon"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--from/--to"));
}

#[tokio::test]
async fn no_statistics_output_holds_tip_text_or_a_finer_time() {
    const CANARY: &str = "Canary7Q3Z";
    let app = spawn_app().await;
    // Tips through the real doors, each with a canary: the API, the form, a call.
    for i in 0..8 {
        app.submit(&json!({
            "category": "trafficking",
            "body": format!("{CANARY} body {i}: they keep us locked in at night."),
            "location": format!("{CANARY}ville"),
            "region": "otago",
        }))
        .await;
    }
    let r = app
        .client
        .post(app.url("/"))
        .form(&[
            ("category", "slavery"),
            ("body", &format!("{CANARY} from the form")),
            ("location", CANARY),
            ("region", "nelson"),
            ("submission", "canary-form"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let taker = Console::signed_in(&app, "taker", HandlerRole::Handler).await;
    let (_, form) = taker.get(&app, "/console/phone").await;
    let submission = {
        let at = form.find("name=\"submission\" value=\"").unwrap() + 26;
        form[at..at + form[at..].find('"').unwrap()].to_owned()
    };
    let account = format!("{CANARY} told us about the boat.");
    let r = taker
        .post(
            &app,
            "/console/phone",
            "/console/phone",
            &[
                ("submission", submission.as_str()),
                ("category", "forced_labour"),
                ("region", "otago"),
                ("location", CANARY),
                ("account", account.as_str()),
                ("language", CANARY),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let reviewer = app.handler("reviewer", HandlerRole::Handler).await;
    for tip in app.wait_for_pending(&reviewer, 10).await.iter().take(7) {
        reviewer
            .forward(tip["id"].as_str().unwrap(), &["police", "mbie"])
            .await;
    }
    let token = app.agency_token("police").await;
    let (_, leased) = app.lease(&token, 10, 60).await;
    for case in leased["cases"].as_array().unwrap() {
        app.ack(
            &token,
            case["id"].as_str().unwrap(),
            case["lease"].as_str().unwrap(),
        )
        .await;
    }
    // Into last month, so that the statistics count them.
    let month = ended_months(1).remove(0);
    let pool = app.raw_pool().await;
    for table in ["tips", "cases"] {
        sqlx::query(&format!("UPDATE {table} SET received_on = $1"))
            .bind(format!("{month}-03"))
            .execute(&pool)
            .await
            .unwrap();
    }
    pool.close().await;

    let query = format!("?from={month}&to={month}");
    let stats = stats_json(&app, &token, &query).await;
    // Ten tips, rounded to base 3 (or suppressed, the tables being so small).
    let total = &stats["tables"][0]["total"];
    assert!(
        [json!(9), json!(12), Value::Null].contains(total),
        "{stats}"
    );
    let supervisor = Console::signed_in(&app, "sup", HandlerRole::Supervisor).await;
    let mut outputs = vec![stats.to_string()];
    for path in [
        format!("/console/stats{query}"),
        format!("/console/stats.csv{query}"),
    ] {
        let (status, body) = supervisor.get(&app, &path).await;
        assert_eq!(status, StatusCode::OK);
        outputs.push(body);
    }
    outputs.push(
        app.client
            .get(app.url(&format!("/api/v1/stats{query}&format=csv")))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    for format in ["json", "csv"] {
        let out = cli(
            &app,
            &[
                "stats", "--from", &month, "--to", &month, "--format", format,
            ],
        );
        assert!(out.status.success());
        outputs.push(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    // The pages' CSRF tokens are random text: not what is looked for.
    let tokens = regex::Regex::new(r#"name="csrf" value="[^"]*""#).unwrap();
    let outputs: Vec<String> = outputs
        .iter()
        .map(|o| tokens.replace_all(o, "").into_owned())
        .collect();
    let clock = regex::Regex::new(r"\d{1,2}:\d{2}|T\d{2}|\b1[5-9]\d{8}\b").unwrap();
    let now = tipline::store::now().to_string();
    for output in &outputs {
        assert!(!output.contains(CANARY), "{output}");
        assert!(!output.contains("locked in"), "{output}");
        assert!(!output.contains(&now[..6]), "{output}");
        assert!(
            clock.find(output).is_none(),
            "{:?} in {output}",
            clock.find(output)
        );
    }
}
