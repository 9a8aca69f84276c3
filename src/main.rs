use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = tipline::cli::Cli::parse();
    // The worker's children: no runtime, no logging, their own limits (worker::child).
    match &cli.command {
        tipline::cli::Command::RenderPdf(args) => {
            return if args.run() {
                std::process::ExitCode::SUCCESS
            } else {
                std::process::ExitCode::FAILURE
            };
        }
        tipline::cli::Command::DecodeHeif(args) => return args.run(),
        _ => {}
    }
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(serve(cli)),
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve(cli: tipline::cli::Cli) -> std::process::ExitCode {
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
