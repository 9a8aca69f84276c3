//! The redaction rules are compiled into the binary (`include_dir!`), which cannot tell
//! cargo to watch them: without this, editing a rule file rebuilds nothing and the old
//! rules run on.

fn main() {
    println!("cargo:rerun-if-changed=redaction-rules");
}
