use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = tipline::cli::Cli::parse();
    tipline::telemetry::init(std::io::stderr);
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
