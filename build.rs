//! The redaction rules (`include_dir!`) and the migrations (`sqlx::migrate!`) are
//! compiled into the binary, and neither can tell cargo to watch them: without this,
//! editing a rule file or a migration rebuilds nothing and the old ones run on.

fn main() {
    println!("cargo:rerun-if-changed=redaction-rules");
    println!("cargo:rerun-if-changed=migrations");
}
