use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = tipline::cli::Cli::parse();
    // Lines are written by a thread of their own: a request never waits on stderr. The
    // guard flushes what is queued when `main` returns.
    let (writer, _flush_on_exit) = tipline::telemetry::off_the_hot_path(std::io::stderr());
    tipline::telemetry::init(writer);
    tipline::telemetry::install_panic_hook();
    tipline::tls::install_crypto_provider();
    match tipline::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
