//! The command line: `tipline [--config FILE] <command>`.

use crate::config::Settings;
use crate::crypto::keys::Keys;
use crate::crypto::{keyring_file, password, random_bytes, sealing, token};
use crate::domain::actor::OPERATOR_AUDIT_NAME;
use crate::domain::{HandlerRole, Username};
use crate::intake::i18n;
use crate::redaction;
use crate::startup::{self, Application};
use crate::store;
use crate::store::credentials::Reset;
use crate::store::handlers::AddHandlerError;
use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use std::io::{BufRead, Read, Write};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "tipline",
    version,
    about = "An anonymous tip line for reports of forced labour, trafficking, slavery and worker exploitation"
)]
pub struct Cli {
    /// TOML configuration file; `TIPLINE_*` environment variables override it.
    #[arg(long, global = true, env = "TIPLINE_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the service (migrates the database first).
    Serve,
    /// Create or update the database schema, then exit.
    Migrate,
    /// Redact text from standard input.
    Redact {
        /// Read `{"id", "text"}` lines and write `{"id", "redacted", "spans"}` lines.
        #[arg(long)]
        jsonl: bool,
        /// Say which rule or cue found each span (after the text; with `--jsonl`, in an
        /// `explain` field on each line).
        #[arg(long)]
        explain: bool,
    },
    /// Validate the redaction rules and run every rule's examples.
    CheckRules {
        /// A rules directory to check instead of the configured one.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Validate routing.toml (agencies and the rules that suggest them) and run its
    /// examples.
    CheckRouting {
        /// A routing file to check instead of the configured one.
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Check the signature of a case as an agency received it (a case, or a whole lease
    /// answer): exit 0 when every case verifies.
    VerifyCase {
        /// The case JSON (`-` for standard input).
        file: PathBuf,
        /// The published keys, as `GET /api/v1/agency/signing-key` answers; default:
        /// this service's own key file.
        #[arg(long)]
        keys: Option<PathBuf>,
    },
    /// Open a case body sealed to an agency's key (what the agency runs).
    OpenCase {
        /// The case JSON (`-` for standard input).
        file: PathBuf,
        /// The agency's private key file (`tipline agency keygen`).
        #[arg(long)]
        key: PathBuf,
    },
    /// Open a file sealed to an agency's key, as fetched from
    /// `GET /api/v1/agency/attachments/{id}`, and check it against the SHA-256 its case
    /// lists (check the case's signature first, with `verify-case`).
    OpenAttachment {
        /// The case JSON that lists the file (`-` for standard input).
        case: PathBuf,
        /// The file as fetched.
        file: PathBuf,
        /// The file's id, as the case lists it.
        #[arg(long)]
        id: String,
        /// The agency's private key file (`tipline agency keygen`).
        #[arg(long)]
        key: PathBuf,
        /// Where to write the opened file (it must not exist yet).
        #[arg(long)]
        out: PathBuf,
    },
    /// Manage handlers.
    #[command(subcommand)]
    Handler(HandlerCommand),
    /// Manage agencies.
    #[command(subcommand)]
    Agency(AgencyCommand),
    /// Say which translations a fluent speaker has yet to confirm; with `--confirm`,
    /// print the `[confirmed]` lines that record a confirmation (translations/REVIEW.md).
    Translations {
        /// The language whose lines a fluent speaker confirmed.
        #[arg(long, value_name = "LANG")]
        confirm: Option<String>,
        /// The confirmed keys (default: every safety-critical line not yet confirmed).
        #[arg(requires = "confirm")]
        keys: Vec<String>,
    },
    /// Ask this machine's server for its liveness or readiness (for container health
    /// checks): exits 0 for a 200. TLS is pinned to the configured certificate.
    Probe {
        /// `/healthz` (the process serves) or `/readyz` (the database takes writes and
        /// the worker is alive).
        #[arg(long, default_value = "/readyz", value_parser = ["/healthz", "/readyz"])]
        path: String,
        /// Seconds to wait for the connection and for the answer.
        #[arg(long, default_value_t = 5)]
        timeout: u64,
    },
    /// Create missing keys in the data directory, or rotate them. One process: rotate.
    /// Several replicas: stage, give every replica the files and restart them, promote,
    /// the same again, then `reencrypt`.
    Keygen {
        /// Add a new intake key pair, current at once; older ones still open tips sealed
        /// to them.
        #[arg(long, conflicts_with_all = ["stage_intake", "promote_intake"])]
        rotate_intake: bool,
        /// Add a new data key, current at once; older ones still decrypt what they
        /// encrypted.
        #[arg(long, conflicts_with_all = ["stage_data", "promote_data"])]
        rotate_data: bool,
        /// Add a new intake key pair that every process can open with but none
        /// publishes yet.
        #[arg(long, conflicts_with = "promote_intake")]
        stage_intake: bool,
        /// Make the staged intake key current.
        #[arg(long)]
        promote_intake: bool,
        /// Add a new data key that every process can decrypt with but none encrypts
        /// with yet.
        #[arg(long, conflicts_with = "promote_data")]
        stage_data: bool,
        /// Make the staged data key current.
        #[arg(long)]
        promote_data: bool,
        /// Add a new case signing key, current at once; older ones stay published so
        /// that cases signed with them still verify.
        #[arg(long)]
        rotate_signing: bool,
    },
    /// Re-encrypt everything stored under an older data key with the current one, in
    /// batches; safe to stop and run again (it takes only what is not current yet),
    /// and to run while the service serves.
    Reencrypt {
        /// Rows per batch (one transaction each).
        #[arg(long, default_value_t = 200)]
        batch: i64,
    },
    /// Plan of Action statistics for whole months that have ended, with the disclosure
    /// control every published table gets (the console's and the agency API's tables).
    Stats {
        /// The first month, YYYY-MM (a day is taken as its month); default: twelve
        /// months before --to.
        #[arg(long)]
        from: Option<String>,
        /// The last month, YYYY-MM; default and latest: the last month that has ended.
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_parser = ["csv", "json"], default_value = "json")]
        format: String,
    },
    /// The worker's PDF page renderer, run by the worker itself as a child process it
    /// can kill: a PDF on standard input, its pages on standard output.
    #[command(hide = true)]
    RenderPdf(RenderPdfArgs),
    /// The worker's HEIC/HEIF decoder, run by the worker itself as a child process it
    /// can kill: a photo on standard input, its pixels on standard output.
    #[command(hide = true)]
    DecodeHeif(DecodeHeifArgs),
}

/// What the worker passes its page renderer (`attachments.*` of its configuration).
#[derive(Args)]
pub struct RenderPdfArgs {
    #[arg(long)]
    pub pages: u32,
    #[arg(long)]
    pub dpi: u32,
    #[arg(long)]
    pub max_pixels: u32,
    #[arg(long)]
    pub memory_mb: u32,
    #[arg(long)]
    pub cpu_seconds: u32,
}

impl RenderPdfArgs {
    /// Runs the renderer in this process (before any runtime or configuration: it needs
    /// neither, and its limits should cover as little else as possible). False when it
    /// failed.
    pub fn run(&self) -> bool {
        crate::worker::pages::child(
            crate::attachments::PageLimits {
                pages: self.pages,
                dpi: self.dpi,
                max_pixels: self.max_pixels,
            },
            self.memory_mb,
            self.cpu_seconds,
        )
    }
}

/// What the worker passes its HEIF decoder (`attachments.render_*` of its
/// configuration).
#[derive(Args)]
pub struct DecodeHeifArgs {
    #[arg(long)]
    pub memory_mb: u32,
    #[arg(long)]
    pub cpu_seconds: u32,
}

impl DecodeHeifArgs {
    /// Runs the decoder in this process (before any runtime or configuration, as the
    /// page renderer does). The exit code says why it failed, for the worker to tell
    /// the handler (`attachments::heif::DecodeFailure`).
    pub fn run(&self) -> std::process::ExitCode {
        match crate::worker::heif::child(self.memory_mb, self.cpu_seconds) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(why) => why.exit_code().into(),
        }
    }
}

#[derive(Subcommand)]
pub enum HandlerCommand {
    /// Add a handler. The password is read from standard input with
    /// `--password-stdin`, or generated and printed once.
    Add {
        #[arg(long)]
        username: String,
        #[arg(long, value_parser = ["handler", "supervisor", "admin"])]
        role: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// End a handler's sign-in wait now and clear the failure count (audited), as an
    /// admin can in the console.
    Unlock {
        #[arg(long)]
        username: String,
    },
    /// List the handlers: role, authenticator, state, failed sign-ins.
    List,
    /// Disable a handler: their sessions end and their claims return to the queue.
    Disable {
        #[arg(long)]
        username: String,
    },
    /// Enable a disabled handler again.
    Enable {
        #[arg(long)]
        username: String,
    },
    /// Give a handler a new password (from standard input with `--password-stdin`, or
    /// generated and printed once); their sessions end.
    ResetPassword {
        #[arg(long)]
        username: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove a handler's authenticator and recovery codes (a lost phone); their
    /// sessions end and they set one up again at their next sign-in.
    ResetTotp {
        #[arg(long)]
        username: String,
    },
}

#[derive(Subcommand)]
pub enum AgencyCommand {
    /// Agency bearer tokens: `token --agency A [--name N]` issues one (as `token issue`),
    /// `token list`, `token revoke`.
    Token(TokenArgs),
    /// Make an agency's HPKE key pair for sealed cases: the private key into a new file
    /// (mode 0600, for the agency to keep), the public key printed for routing.toml.
    Keygen {
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct TokenArgs {
    #[command(subcommand)]
    action: Option<TokenAction>,
    #[command(flatten)]
    issue: IssueArgs,
}

#[derive(Args)]
pub struct IssueArgs {
    #[arg(long)]
    agency: Option<String>,
    /// What to call the token (who or what uses it), up to 60 characters.
    #[arg(long, default_value = "")]
    name: String,
}

#[derive(Subcommand)]
pub enum TokenAction {
    /// Issue a new bearer token; it is printed once and stored hashed.
    Issue(IssueArgs),
    /// Every token: its hash's first characters, agency, name, days issued and last used.
    List {
        #[arg(long)]
        agency: Option<String>,
    },
    /// Revoke a live token by its hash's first characters (at least 8, as `list` shows).
    Revoke { hash: String },
}

pub const MIN_PASSWORD_CHARS: usize = 12;

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve => {
            tracing::info!(settings = ?settings, "starting");
            Application::build(settings)
                .await?
                .run_until_stopped()
                .await?;
        }
        Command::Migrate => {
            startup::connect_store_for_command(&settings).await?;
            println!("database is up to date");
        }
        Command::Redact { jsonl, explain } => redact(&settings, jsonl, explain)?,
        Command::Probe { path, timeout } => {
            let status =
                crate::probe::probe(&settings, &path, std::time::Duration::from_secs(timeout))?;
            println!("{path}: {status}");
        }
        Command::CheckRules { dir } => check_rules(&settings, dir)?,
        Command::Handler(HandlerCommand::Add {
            username,
            role,
            password_stdin,
        }) => add_handler(&settings, &username, &role, password_stdin).await?,
        Command::Handler(HandlerCommand::Unlock { username }) => {
            account(&settings, &username, Change::Reset(Reset::SignInWait)).await?
        }
        Command::Handler(HandlerCommand::ResetTotp { username }) => {
            account(&settings, &username, Change::Reset(Reset::Totp)).await?
        }
        Command::Handler(HandlerCommand::Disable { username }) => {
            account(&settings, &username, Change::Disable).await?
        }
        Command::Handler(HandlerCommand::Enable { username }) => {
            account(&settings, &username, Change::Enable).await?
        }
        Command::Handler(HandlerCommand::ResetPassword {
            username,
            password_stdin,
        }) => account(&settings, &username, Change::Password { password_stdin }).await?,
        Command::Handler(HandlerCommand::List) => list_handlers(&settings).await?,
        Command::CheckRouting { file } => check_routing(&settings, file)?,
        Command::VerifyCase { file, keys } => verify_case(&settings, &file, keys.as_deref())?,
        Command::OpenCase { file, key } => open_case(&file, &key)?,
        Command::OpenAttachment {
            case,
            file,
            id,
            key,
            out,
        } => open_attachment(&case, &file, &id, &key, &out)?,
        Command::Agency(AgencyCommand::Token(args)) => match args.action {
            None => issue_token(&settings, args.issue).await?,
            Some(TokenAction::Issue(issue)) => issue_token(&settings, issue).await?,
            Some(TokenAction::List { agency }) => list_tokens(&settings, agency).await?,
            Some(TokenAction::Revoke { hash }) => revoke_token(&settings, &hash).await?,
        },
        Command::Agency(AgencyCommand::Keygen { out }) => agency_keygen(&out)?,
        Command::Translations { confirm, keys } => translations(confirm.as_deref(), &keys)?,
        Command::Keygen {
            rotate_intake,
            rotate_data,
            stage_intake,
            promote_intake,
            stage_data,
            promote_data,
            rotate_signing,
        } => keygen(
            &settings,
            KeyChange::of(rotate_intake, stage_intake, promote_intake),
            KeyChange::of(rotate_data, stage_data, promote_data),
            KeyChange::of(rotate_signing, false, false),
        )?,
        Command::Reencrypt { batch } => reencrypt(&settings, batch).await?,
        Command::Stats { from, to, format } => {
            statistics(&settings, from.as_deref(), to.as_deref(), &format).await?
        }
        // `main` runs it before this; here for completeness of the match.
        Command::RenderPdf(args) => {
            if !args.run() {
                bail!("the pages could not be drawn");
            }
        }
        Command::DecodeHeif(args) => {
            if args.run() != std::process::ExitCode::SUCCESS {
                bail!("the photo could not be decoded");
            }
        }
    }
    Ok(())
}

fn redact(settings: &Settings, jsonl: bool, explain: bool) -> anyhow::Result<()> {
    match write_redacted(settings, jsonl, explain) {
        // The reader stopped early (`tipline redact --explain | head`): nothing is wrong.
        Err(e) if reader_went_away(&e) => Ok(()),
        other => other,
    }
}

fn reader_went_away(e: &anyhow::Error) -> bool {
    let broken = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(broken)
            || matches!(
                cause.downcast_ref::<redaction::jsonl::JsonlError>(),
                Some(redaction::jsonl::JsonlError::Io(io)) if broken(io)
            )
    })
}

fn write_redacted(settings: &Settings, jsonl: bool, explain: bool) -> anyhow::Result<()> {
    let engine = startup::load_engine(settings)?;
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    if jsonl {
        redaction::jsonl::run_with(&engine, stdin, stdout, explain)?;
    } else {
        let mut text = String::new();
        std::io::BufReader::new(stdin).read_to_string(&mut text)?;
        let mut out = stdout;
        out.write_all(engine.redact(&text).redacted.as_bytes())?;
        if explain {
            out.write_all(b"\n--\n")?;
            for why in engine.explain(&text) {
                writeln!(out, "{why}")?;
            }
        }
        out.flush()?;
    }
    Ok(())
}

fn check_rules(settings: &Settings, dir: Option<PathBuf>) -> anyhow::Result<()> {
    let engine = match dir.or_else(|| settings.redaction.rules_dir.clone()) {
        Some(dir) => redaction::Engine::from_dir(&dir)?,
        None => redaction::Engine::embedded()?,
    };
    let failures = engine.check_examples();
    for f in &failures {
        eprintln!("{}: rule `{}`: {}", f.file, f.rule, f.message);
    }
    let counts: String = engine
        .rule_counts()
        .iter()
        .map(|(kind, n)| format!(" {kind}={n}"))
        .collect();
    println!("{} rules:{counts}", engine.rules().len());
    if let Some(names) = engine.names() {
        let (given, surnames, not_names) = names.list_sizes();
        println!("name lists: {given} given names, {surnames} surnames, {not_names} words that are not names");
    }
    if !failures.is_empty() {
        bail!("{} rule example(s) failed", failures.len());
    }
    println!("all rule examples pass");
    Ok(())
}

fn translations(confirm: Option<&str>, keys: &[String]) -> anyhow::Result<()> {
    let catalog = i18n::catalog();
    let english = catalog.english();
    let mut critical: Vec<&str> = english
        .keys()
        .filter(|k| i18n::is_safety_critical(k))
        .collect();
    critical.sort();
    let Some(code) = confirm else {
        let stale = catalog.stale_confirmations();
        for language in &catalog.languages()[1..] {
            let confirmed = critical
                .iter()
                .filter(|k| {
                    language.confirmations().contains_key(**k)
                        && !stale.contains(&(language.code, **k))
                })
                .count();
            let state = if language.checked() {
                "checked"
            } else {
                "being checked"
            };
            println!(
                "{:<8} {confirmed:>2} of {} safety-critical lines confirmed: {state}",
                language.code,
                critical.len()
            );
        }
        for (code, key) in stale {
            println!("{code}: `{key}` changed since it was confirmed: it awaits review again");
        }
        return Ok(());
    };
    let language = catalog
        .languages()
        .iter()
        .find(|l| l.code == code && l.code != "en")
        .with_context(|| format!("--confirm: no translation `{code}`"))?;
    let keys: Vec<&str> = if keys.is_empty() {
        critical
            .into_iter()
            .filter(|k| !language.confirmations().contains_key(*k))
            .collect()
    } else {
        keys.iter().map(String::as_str).collect()
    };
    println!("# under [confirmed] in translations/{code}.toml");
    for key in keys {
        if english.text(key).is_empty() {
            bail!("English has no key `{key}`");
        }
        println!(
            "{key} = {{ english = \"{}\", text = \"{}\" }}",
            i18n::fingerprint(english.text(key)),
            i18n::fingerprint(language.text(key))
        );
    }
    Ok(())
}

async fn add_handler(
    settings: &Settings,
    username: &str,
    role: &str,
    password_stdin: bool,
) -> anyhow::Result<()> {
    let username = Username::parse(username).map_err(|e| anyhow::anyhow!("--{e}"))?;
    let username = username.as_str();
    let role = HandlerRole::parse(role).context("--role: expected handler, supervisor or admin")?;
    let (password, generated) = new_password(password_stdin)?;
    let store = startup::connect_store_for_command(settings).await?;
    let hash = password::hash(&password);
    match store
        .add_handler(OPERATOR_AUDIT_NAME, username, &hash, role, store::now())
        .await
    {
        Ok(_) => {}
        Err(AddHandlerError::Exists(name)) => bail!("a handler named `{name}` already exists"),
        Err(e) => return Err(e.into()),
    }
    if generated {
        println!(
            "added {} `{username}` with password: {password}",
            role.as_str()
        );
        println!("(shown once: it is stored only as an argon2id hash)");
    } else {
        println!("added {} `{username}`", role.as_str());
    }
    Ok(())
}

/// What the operator changes on an account: the same store calls, and so the same
/// audit rows (by `operator:cli`), as an administrator's in the console.
enum Change {
    Reset(Reset),
    Disable,
    Enable,
    Password { password_stdin: bool },
}

/// The password read from standard input, or one generated (and so to be printed).
fn new_password(password_stdin: bool) -> anyhow::Result<(String, bool)> {
    let (password, generated) = if password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        (line.trim_end_matches(['\r', '\n']).to_owned(), false)
    } else {
        (password::generate(), true)
    };
    if password.chars().count() < MIN_PASSWORD_CHARS {
        bail!("the password must be at least {MIN_PASSWORD_CHARS} characters");
    }
    Ok((password, generated))
}

async fn account(settings: &Settings, username: &str, change: Change) -> anyhow::Result<()> {
    let username = Username::parse(username).map_err(|e| anyhow::anyhow!("--{e}"))?;
    let username = username.as_str();
    let store = startup::connect_store_for_command(settings).await?;
    let handler = store
        .handlers()
        .await?
        .into_iter()
        .find(|h| h.username == username)
        .with_context(|| format!("--username: no handler named `{username}`"))?;
    let (by, now) = (OPERATOR_AUDIT_NAME, store::now());
    let (done, said) = match change {
        Change::Reset(reset) => (
            store.reset_handler(by, handler.id, reset, now).await?,
            match reset {
                Reset::SignInWait => {
                    format!("`{username}` may sign in now; the failure count starts again")
                }
                Reset::Totp => format!(
                    "`{username}`'s authenticator and recovery codes are removed; they set up a new one at their next sign-in"
                ),
            },
        ),
        Change::Disable => (
            store.disable_handler(by, handler.id, now).await?,
            format!("`{username}` is disabled; their sessions ended and their claims returned to the queue"),
        ),
        Change::Enable => (
            store.enable_handler(by, handler.id, now).await?,
            format!("`{username}` is enabled"),
        ),
        Change::Password { password_stdin } => {
            let (password, generated) = new_password(password_stdin)?;
            let done = store
                .reset_password(by, handler.id, &password::hash(&password), now)
                .await?;
            let said = if generated {
                format!("`{username}`'s new password: {password}\n(shown once: it is stored only as an argon2id hash)")
            } else {
                format!("`{username}` has a new password")
            };
            (done, said)
        }
    };
    if !done {
        let state = if handler.disabled {
            "disabled"
        } else {
            "enabled"
        };
        bail!("`{username}` is {state}: nothing to do");
    }
    println!("{said}");
    Ok(())
}

async fn list_handlers(settings: &Settings) -> anyhow::Result<()> {
    let store = startup::connect_store_for_command(settings).await?;
    let now = store::now();
    println!(
        "{:<24} {:<10} {:<14} {:<9} failed sign-ins",
        "username", "role", "authenticator", "state"
    );
    for h in store.handlers().await? {
        let waiting = if h.next_attempt_at > now {
            format!(" (next attempt in {} s)", h.next_attempt_at - now)
        } else {
            String::new()
        };
        println!(
            "{:<24} {:<10} {:<14} {:<9} {}{waiting}",
            h.username,
            h.role.as_str(),
            if h.totp_enrolled {
                "set up"
            } else {
                "not set up"
            },
            if h.disabled { "disabled" } else { "enabled" },
            h.failed_logins
        );
    }
    Ok(())
}

async fn issue_token(settings: &Settings, args: IssueArgs) -> anyhow::Result<()> {
    let agency = args
        .agency
        .context("--agency: name the agency the token is for")?;
    let name =
        crate::agency::auth::check_token_name(&args.name).map_err(|e| anyhow::anyhow!("--{e}"))?;
    let store = startup::connect_store_for_command(settings).await?;
    startup::load_routing(settings, &store).await?;
    let new = token::generate(crate::agency::auth::TOKEN_PREFIX);
    if !store
        .issue_agency_token(OPERATOR_AUDIT_NAME, &agency, name, &new.hash, store::now())
        .await?
    {
        let known: Vec<_> = store.agencies().await?.into_iter().map(|a| a.id).collect();
        bail!(
            "--agency: unknown agency `{agency}`; expected one of {}",
            known.join(", ")
        );
    }
    println!("{}", new.secret);
    eprintln!("(shown once: it is stored only as a hash)");
    Ok(())
}

async fn list_tokens(settings: &Settings, agency: Option<String>) -> anyhow::Result<()> {
    let store = startup::connect_store_for_command(settings).await?;
    println!(
        "{:<14} {:<22} {:<24} {:<11} {:<11} state",
        "token", "agency", "name", "issued", "last used"
    );
    for t in store.agency_tokens().await? {
        if agency.as_deref().is_some_and(|a| a != t.agency_id) {
            continue;
        }
        println!(
            "{:<14} {:<22} {:<24} {:<11} {:<11} {}",
            t.short(),
            t.agency_id,
            if t.name.is_empty() { "-" } else { &t.name },
            store::day_of(t.created_at),
            t.last_used_on.as_deref().unwrap_or("never"),
            t.revoked_at.map_or("live".to_owned(), |at| format!(
                "revoked {}",
                store::day_of(at)
            ))
        );
    }
    Ok(())
}

async fn revoke_token(settings: &Settings, prefix: &str) -> anyhow::Result<()> {
    let prefix = prefix.trim().trim_end_matches('…').to_ascii_lowercase();
    if prefix.len() < 8 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
        bail!("give at least the first 8 hex characters of the token's hash, as `tipline agency token list` shows");
    }
    let store = startup::connect_store_for_command(settings).await?;
    let live: Vec<_> = store
        .agency_tokens()
        .await?
        .into_iter()
        .filter(|t| t.revoked_at.is_none() && t.hash.starts_with(&prefix))
        .collect();
    let token = match live.as_slice() {
        [one] => one,
        [] => bail!("no live token's hash starts with `{prefix}`"),
        _ => bail!(
            "{} live tokens' hashes start with `{prefix}`: give more characters",
            live.len()
        ),
    };
    store
        .revoke_agency_token(OPERATOR_AUDIT_NAME, &token.hash, store::now())
        .await?;
    println!(
        "revoked token {} of {}; it is refused from now on",
        token.short(),
        token.agency_id
    );
    Ok(())
}

fn check_routing(settings: &Settings, file: Option<PathBuf>) -> anyhow::Result<()> {
    let file = file.or_else(|| settings.routing.file.clone());
    let routing = crate::routing::Routing::load(file.as_deref())?;
    let examples: usize = routing.rules.iter().map(|r| r.examples.len()).sum();
    println!(
        "{} agencies: {}",
        routing.agencies.len(),
        routing
            .agencies
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "{} rules; all {examples} examples match",
        routing.rules.len()
    );
    Ok(())
}

/// Reads a file, or standard input for `-`.
fn read_input(file: &std::path::Path) -> anyhow::Result<String> {
    if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        return Ok(text);
    }
    std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))
}

fn verify_case(
    settings: &Settings,
    file: &std::path::Path,
    keys: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use crate::agency::delivered;
    let published = match keys {
        Some(path) => {
            let answer: serde_json::Value = serde_json::from_str(&read_input(path)?)
                .with_context(|| format!("{}: not JSON", path.display()))?;
            serde_json::from_value(answer["keys"].clone()).with_context(|| {
                format!(
                    "{}: expected the answer of GET /api/v1/agency/signing-key",
                    path.display()
                )
            })?
        }
        None => {
            let path = Keys::signing_key_path(&settings.data_dir);
            if !path.exists() {
                bail!(
                    "no signing key at {}: give --keys with the published keys",
                    path.display()
                );
            }
            crate::crypto::signing::SigningKeys::load_or_create(&path)?
                .0
                .public_keys()
        }
    };
    let input: serde_json::Value = serde_json::from_str(&read_input(file)?)
        .with_context(|| format!("{}: not JSON", file.display()))?;
    let cases = match input.get("cases").and_then(|c| c.as_array()) {
        Some(cases) => cases.clone(),
        None => vec![input],
    };
    let mut failed = 0;
    for case in &cases {
        let id = case["id"].as_str().unwrap_or("(no id)");
        match delivered::verify(case, &published) {
            Ok(key_id) => println!("case {id}: signature verifies (key {key_id})"),
            Err(e) => {
                failed += 1;
                println!("case {id}: {e}");
            }
        }
    }
    if failed > 0 {
        bail!("{failed} of {} case(s) did not verify", cases.len());
    }
    Ok(())
}

fn open_case(file: &std::path::Path, key: &std::path::Path) -> anyhow::Result<()> {
    let private = keyring_file::load(key, 32)?;
    let case: serde_json::Value = serde_json::from_str(&read_input(file)?)
        .with_context(|| format!("{}: not JSON", file.display()))?;
    let id = case["id"].as_str().context("the case has no `id`")?;
    let sealed = case
        .get("sealed")
        .context("the case has no `sealed` body: it was not sealed to an agency key")?;
    let envelope = sealing::Envelope {
        key_id: sealed["key_id"].as_str().unwrap_or_default().to_owned(),
        enc: sealed["enc"].as_str().unwrap_or_default().to_owned(),
        ct: sealed["ct"].as_str().unwrap_or_default().to_owned(),
    };
    let place = format!("case:{id}:body");
    let body = private
        .iter()
        .find_map(|k| sealing::open_case(k, &place, &envelope).ok())
        .with_context(|| {
            format!(
                "the body does not open with {}: sealed to key {}, or altered",
                key.display(),
                envelope.key_id
            )
        })?;
    println!("{body}");
    Ok(())
}

fn open_attachment(
    case: &std::path::Path,
    file: &std::path::Path,
    id: &str,
    key: &std::path::Path,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    let private = keyring_file::load(key, 32)?;
    let case: serde_json::Value = serde_json::from_str(&read_input(case)?)
        .with_context(|| format!("{}: not JSON", case.display()))?;
    let sealed =
        std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .with_context(|| format!("cannot create {} (it must not exist yet)", out.display()))?;
    let opened = crate::agency::sealed_file::open(
        &case,
        id,
        &private,
        std::io::BufReader::new(sealed),
        std::io::BufWriter::new(written),
    );
    match opened {
        Ok(bytes) => {
            println!(
                "file {id}: {bytes} bytes opened to {}; its SHA-256 is the one its case lists",
                out.display()
            );
            Ok(())
        }
        Err(e) => {
            // What was written is no file of the case: leave nothing to mistake for one.
            let _ = std::fs::remove_file(out);
            bail!("file {id}: {e}")
        }
    }
}

fn agency_keygen(out: &std::path::Path) -> anyhow::Result<()> {
    let private = sealing::generate_private_key();
    let public = sealing::public_key_of(&private).context("a fresh key has a public key")?;
    keyring_file::write_new(out, &[private])
        .with_context(|| format!("{} (it must not exist yet)", out.display()))?;
    println!("hpke_public_key = \"{}\"", crate::crypto::b64url(&public));
    eprintln!(
        "(the private key is in {}: keep it with the agency; add the line above to the agency in routing.toml)",
        out.display()
    );
    Ok(())
}

/// What `keygen` does to one key file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyChange {
    Keep,
    Rotate,
    Stage,
    Promote,
}

impl KeyChange {
    fn of(rotate: bool, stage: bool, promote: bool) -> KeyChange {
        match (rotate, stage, promote) {
            (true, _, _) => KeyChange::Rotate,
            (_, true, _) => KeyChange::Stage,
            (_, _, true) => KeyChange::Promote,
            _ => KeyChange::Keep,
        }
    }
}

fn keygen(
    settings: &Settings,
    intake: KeyChange,
    data: KeyChange,
    signing: KeyChange,
) -> anyhow::Result<()> {
    let dir = &settings.data_dir;
    Keys::load_or_create(dir)?;
    change_key(
        &Keys::intake_key_path(dir),
        "intake",
        intake,
        sealing::generate_private_key,
    )?;
    change_key(&Keys::data_key_path(dir), "data", data, || {
        random_bytes::<32>().to_vec()
    })?;
    change_key(
        &Keys::signing_key_path(dir),
        "signing",
        signing,
        crate::crypto::signing::generate_seed,
    )?;
    let keys = Keys::load_or_create(dir)?;
    println!("intake key id: {}", keys.intake.current_id());
    println!("signing key id: {}", keys.signing.current_id());
    Ok(())
}

fn change_key(
    path: &std::path::Path,
    what: &str,
    change: KeyChange,
    generate: impl FnOnce() -> Vec<u8>,
) -> anyhow::Result<()> {
    let then = if what == "data" {
        ", then run `tipline reencrypt`"
    } else {
        ""
    };
    match change {
        KeyChange::Keep => {}
        KeyChange::Rotate => {
            let n = keyring_file::rotate(path, 32, generate())?;
            println!("{what} key rotated; {n} keys held (restart to use the new one{then})");
        }
        KeyChange::Stage => {
            let n = keyring_file::stage(path, 32, generate())?;
            println!(
                "{what} key staged: held, not used yet; {n} keys held. Give every replica this \
                 file and restart them, then run `tipline keygen --promote-{what}`"
            );
        }
        KeyChange::Promote => {
            let n = keyring_file::promote(path, 32)?;
            println!(
                "{what} key promoted; {n} keys held. Give every replica this file and \
                 restart them{then}"
            );
        }
    }
    Ok(())
}

/// Re-encrypts every data-key ciphertext not under the current key.
async fn reencrypt(settings: &Settings, batch: i64) -> anyhow::Result<()> {
    if batch < 1 {
        bail!("--batch must be at least 1");
    }
    let keys = Keys::load_or_create(&settings.data_dir)?;
    let store = startup::connect_store_for_command(settings).await?;
    let mut unreadable = 0;
    for column in store::rekey::COLUMNS {
        let done = store
            .reencrypt_column(column, batch, |context, sealed| {
                keys.data.reencrypt(context, sealed)
            })
            .await?;
        unreadable += done.unreadable;
        println!(
            "{}: {} re-encrypted, {} already current, {} unreadable",
            column.name(),
            done.rewritten,
            done.current,
            done.unreadable
        );
    }
    store.close().await;
    if unreadable > 0 {
        bail!("{unreadable} ciphertexts could not be opened with any data key held (see above); nothing was changed for them");
    }
    Ok(())
}

/// Prints the protected tables, as `GET /api/v1/stats` gives them.
async fn statistics(
    settings: &Settings,
    from: Option<&str>,
    to: Option<&str>,
    format: &str,
) -> anyhow::Result<()> {
    let keys = Keys::load_or_create(&settings.data_dir)?;
    let routing = crate::routing::Routing::load(settings.routing.file.as_deref())?;
    let store = startup::connect_store_for_command(settings).await?;
    let stats = crate::stats::gather(&store, &keys.data, &routing, from, to).await;
    store.close().await;
    let stats = stats.map_err(|e| match e {
        crate::stats::StatsError::Period(e) => anyhow::anyhow!("--from/--to: {e}"),
        crate::stats::StatsError::Store(e) => e.into(),
    })?;
    if format == "csv" {
        print!("{}", crate::stats::render::csv(&stats));
    } else {
        println!("{}", serde_json::to_string_pretty(&stats)?);
    }
    Ok(())
}
