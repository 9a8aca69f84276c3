//! The agency API's contract: `openapi/agency.json` is served as it is kept, and the
//! real answers (cases, acks, nacks, keys, errors) match its schemas. (`.ci/run` also
//! checks the document with openapi-spec-validator from PyPI.)

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::domain::HandlerRole;

pub(crate) const DOCUMENT: &str = include_str!("../../openapi/agency.json");

/// A validator for the named schema of the document: the document itself as the root
/// (JSON Schema ignores its other members), pointing at the schema, so every `$ref`
/// inside resolves as it does in the document.
fn validator(document: &Value, schema: &str) -> jsonschema::Validator {
    let mut root = document.clone();
    root["$ref"] = json!(format!("#/components/schemas/{schema}"));
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&root)
        .unwrap()
}

/// Checks `instance` against the named schema of the document.
pub(crate) fn check(document: &Value, schema: &str, instance: &Value) {
    let validator = validator(document, schema);
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema}: {errors:?}\n{instance:#}");
}

/// The schema a path's response (by status) points to.
fn response_schema(document: &Value, path: &str, method: &str, status: &str) -> String {
    let response = &document["paths"][path][method]["responses"][status];
    let response = match response["$ref"].as_str() {
        Some(r) => &document["components"]["responses"][r.rsplit('/').next().unwrap()],
        None => response,
    };
    response["content"]["application/json"]["schema"]["$ref"]
        .as_str()
        .unwrap_or_else(|| panic!("{method} {path} {status} has no schema"))
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn real_answers_match_the_served_contract() {
    let app = spawn_app().await;
    let served = app.get("/api/v1/openapi.json").await;
    assert_eq!(served.status(), StatusCode::OK);
    let document: Value = served.json().await.unwrap();
    assert_eq!(document, serde_json::from_str::<Value>(DOCUMENT).unwrap());
    assert_eq!(document["openapi"], "3.1.0");
    let answer = |path: &str, method: &str, status: u16| {
        response_schema(&document, path, method, &status.to_string())
    };

    for _ in 0..2 {
        app.submit_ok("trafficking", "They moved us to a house near the port.")
            .await;
    }
    let h = app.handler("hoani", HandlerRole::Handler).await;
    for tip in app.wait_for_pending(&h, 2).await {
        h.forward(tip["id"].as_str().unwrap(), &["police"]).await;
    }
    let token = app.agency_token("police").await;
    let (status, leased) = app.lease(&token, 2, 60).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(leased["cases"].as_array().unwrap().len(), 2);
    check(
        &document,
        &answer("/api/v1/agency/cases/lease", "post", 200),
        &leased,
    );
    let (_, empty) = app
        .lease_with(&token, &json!({ "max": 1, "wait_seconds": 0 }))
        .await;
    check(
        &document,
        &answer("/api/v1/agency/cases/lease", "post", 200),
        &empty,
    );

    let (first, second) = (&leased["cases"][0], &leased["cases"][1]);
    let id = first["id"].as_str().unwrap();
    let (status, read) = app.get_case(&token, id).await;
    assert_eq!(status, StatusCode::OK);
    check(
        &document,
        &answer("/api/v1/agency/cases/{id}", "get", 200),
        &read,
    );
    let (status, acked) = app.ack(&token, id, first["lease"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    check(
        &document,
        &answer("/api/v1/agency/cases/{id}/ack", "post", 200),
        &acked,
    );
    let (status, nacked) = app
        .nack(
            &token,
            second["id"].as_str().unwrap(),
            second["lease"].as_str().unwrap(),
            "later",
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    check(
        &document,
        &answer("/api/v1/agency/cases/{id}/nack", "post", 200),
        &nacked,
    );
    let r = app
        .client
        .post(app.url(&format!("/api/v1/agency/cases/{id}/questions")))
        .bearer_auth(&token)
        .json(&json!({ "question": "Which port?" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let asked: Value = r.json().await.unwrap();
    check(
        &document,
        &answer("/api/v1/agency/cases/{id}/questions", "post", 201),
        &asked,
    );
    let keys = app.get_json("/api/v1/agency/signing-key").await;
    check(
        &document,
        &answer("/api/v1/agency/signing-key", "get", 200),
        &keys,
    );

    // Errors, each from the status the document names.
    let (status, body) = app.get_case(&token, id).await;
    assert_eq!(status, StatusCode::CONFLICT);
    check(
        &document,
        &answer("/api/v1/agency/cases/{id}", "get", 409),
        &body,
    );
    let (status, body) = app.get_case(&token, "0123456789abcdef").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    check(
        &document,
        &answer("/api/v1/agency/cases/{id}", "get", 404),
        &body,
    );
    let (status, body) = app.lease(&token, 0, 60).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    check(
        &document,
        &answer("/api/v1/agency/cases/lease", "post", 400),
        &body,
    );
    let (status, body) = app.lease("tla_nope", 1, 60).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    check(
        &document,
        &answer("/api/v1/agency/cases/lease", "post", 401),
        &body,
    );

    // The document's own examples of what is refused are refused by the schemas too.
    let validator_refuses = |schema: &str, instance: Value| {
        assert!(
            !validator(&document, schema).is_valid(&instance),
            "{schema} accepts {instance}"
        );
    };
    let mut both = read.clone();
    both["sealed"] = json!({});
    validator_refuses("Case", both);
    // An update names the report it updates; a report names none.
    let mut update = read.clone();
    update["kind"] = json!("update");
    update["sequence"] = json!(1);
    validator_refuses("Case", update.clone());
    update["updates"] = json!("0123456789abcdef");
    check(&document, "Case", &update);
    let mut report = read.clone();
    report["updates"] = json!("0123456789abcdef");
    validator_refuses("Case", report);
    validator_refuses("LeaseRequest", json!({ "max": 1, "colour": "red" }));
}
