//! The redaction worker: a tip it cannot open is reported and skipped, never a block.

use crate::helpers::{logs, spawn_app};
use tipline::store::handlers::Role;
use tipline::store::tips::NewTip;
use tipline::store::{self};

#[tokio::test]
async fn an_unopenable_tip_does_not_hold_back_the_queue() {
    let app = spawn_app().await;
    let damaged = NewTip {
        id: store::new_id(),
        category: "other",
        received_on: store::today(),
        sealed: b"{\"key_id\":\"gone\",\"enc\":\"AA\",\"ct\":\"AA\"}".to_vec(),
        receipt_hash: "not-a-real-receipt-hash".into(),
    };
    app.store.insert_tip(&damaged, store::now()).await.unwrap();
    app.submit_ok("trafficking", "A later tip about the house on the hill.")
        .await;

    let h = app.handler("pita", Role::Handler).await;
    let pending = app.wait_for_pending(&h, 1).await;
    assert_eq!(pending.len(), 1);
    assert_ne!(pending[0]["id"], damaged.id.as_str());
    let waiting = app.store.received_tips(0, 10).await.unwrap();
    assert_eq!(waiting.len(), 1, "the damaged tip stays in `received`");
    assert!(
        logs().text().contains(&format!("tip={}", damaged.id)),
        "the damaged tip was reported"
    );
}
