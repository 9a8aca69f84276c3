//! Prometheus metrics on their own TLS listener: staff and agency requests counted by
//! route template and status, never the reporter's; tip queues only for tips that
//! arrived before today; cases by state; nothing that names a tip, a handler or a
//! reporter; nothing on the public listener.

use crate::helpers::spawn_app_with;
use reqwest::StatusCode;
use tipline::domain::HandlerRole;

#[tokio::test]
async fn metrics_count_staff_requests_and_queues_without_dating_any_reporter() {
    let app = spawn_app_with(|s| s.metrics.listen = Some("127.0.0.1:0".parse().unwrap())).await;
    let metrics_url = format!("https://localhost:{}/metrics", app.metrics_port.unwrap());
    let receipt = app
        .submit_ok("forced_labour", "Aroha Ngata keeps our passports.")
        .await;
    let ana = app.handler("ana", HandlerRole::Handler).await;
    let tip = app.first_pending(&ana).await;
    ana.forward(&tip, &["police"]).await;
    let r = app
        .client
        .post(app.url("/follow-up"))
        .form(&[("receipt", receipt.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    let r = app.client.get(&metrics_url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let text = r.text().await.unwrap();
    for line in [
        r#"tipline_http_requests_total{method="POST",route="/api/v1/review/login",status="200"} 1"#,
        r#"tipline_http_requests_total{method="POST",route="/api/v1/review/tips/{id}/claim",status="200"} 1"#,
        r#"tipline_http_request_duration_seconds_count{method="POST",route="/api/v1/review/tips/{id}/decision"} 1"#,
        r#"tipline_cases{state="queued"} 1"#,
        "# TYPE tipline_worker_seconds_since_report gauge",
    ] {
        assert!(text.contains(line), "{line} missing from:\n{text}");
    }
    // Today's tip is in no queue count; no reporter route is counted; no id or name.
    assert!(!text.contains("tipline_tips_before_today{"), "{text}");
    for absent in [
        "/api/v1/tips",
        "follow-up",
        "route=\"/\"",
        &tip,
        "ana",
        "Aroha",
    ] {
        assert!(!text.contains(absent), "{absent} in:\n{text}");
    }
    // Not on the public listener.
    let r = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // A tip from an earlier day shows, by status.
    let pool = app.raw_pool().await;
    sqlx::query("UPDATE tips SET received_on = '2020-01-01'")
        .execute(&pool)
        .await
        .unwrap();
    let text = app
        .client
        .get(&metrics_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(r#"tipline_tips_before_today{status="forwarded"} 1"#),
        "{text}"
    );
}
