//! Administration (admins only): handlers (add with a generated password shown once,
//! disable and enable, reset a password (a new one shown once), clear a sign-in wait,
//! remove a lost authenticator), the mandatory-TOTP setting, agencies and their API
//! tokens (issue, shown once; revoke). Every change is audited, as the same changes from
//! `tipline handler ...` are.

use super::{when, Nav};
use crate::crypto::{password, token};
use crate::domain::HandlerRole;
use crate::domain::Username;
use crate::http::error::{ApiError, BadField, PageError};
use crate::review::auth::SignedIn;
use crate::review::csrf::Posted;
use crate::state::AppState;
use crate::store::credentials::Reset;
use crate::store::handlers::{AddHandlerError, HandlerSummary};
use crate::store::{self};
use crate::web::see_other;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

/// A secret shown once, right after it was made.
pub struct ShownOnce {
    pub what: String,
    pub secret: String,
}

pub struct HandlerRow {
    pub summary: HandlerSummary,
    /// Said when failed sign-ins make the next attempt wait.
    pub slowed: Option<String>,
}

#[derive(Template)]
#[template(path = "console/handlers.html")]
struct HandlersPage {
    nav: Nav,
    handlers: Vec<HandlerRow>,
    totp_required: bool,
    shown: Option<ShownOnce>,
}

async fn handlers_page(
    state: &AppState,
    who: &SignedIn,
    shown: Option<ShownOnce>,
) -> Result<HttpResponse, PageError> {
    who.require(HandlerRole::Admin)?;
    let now = store::now();
    let handlers = state
        .store
        .handlers()
        .await?
        .into_iter()
        .map(|summary| HandlerRow {
            slowed: (summary.next_attempt_at > now).then(|| {
                format!(
                    "slowed: {} failed sign-ins, next attempt after {}",
                    summary.failed_logins,
                    when(summary.next_attempt_at)
                )
            }),
            summary,
        })
        .collect();
    Ok(crate::web::render(
        StatusCode::OK,
        &HandlersPage {
            nav: Nav::new(state, who),
            handlers,
            totp_required: state.store.totp_required().await?,
            shown,
        },
    ))
}

pub async fn handlers(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
) -> Result<HttpResponse, PageError> {
    handlers_page(&state, &who?, None).await
}

pub async fn add_handler(
    state: web::Data<AppState>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Admin)?;
    let username =
        Username::parse(posted.form.get("username")).map_err(|e| BadField(e.to_owned()))?;
    let role = HandlerRole::parse(posted.form.get("role"))
        .ok_or_else(|| BadField("role: expected handler, supervisor or admin".into()))?;
    let generated = password::generate();
    let to_hash = generated.clone();
    let hash = web::block(move || password::hash(&to_hash))
        .await
        .map_err(|_| BadField("the password could not be hashed".into()))?;
    match state
        .store
        .add_handler(
            &posted.who.actor().audit_name(),
            username.as_str(),
            &hash,
            role,
            store::now(),
        )
        .await
    {
        Ok(_) => {}
        Err(AddHandlerError::Exists(name)) => {
            return Err(
                BadField(format!("username: a handler named `{name}` already exists")).into(),
            )
        }
        Err(AddHandlerError::Store(e)) => return Err(e.into()),
    }
    handlers_page(
        &state,
        &posted.who,
        Some(ShownOnce {
            what: format!("Password for {}", username.as_str()),
            secret: generated,
        }),
    )
    .await
}

/// A handler's id in a path; anything else names no handler.
fn handler_id(segment: &str) -> Result<i64, NoSuchHandler> {
    segment.parse().map_err(|_| NoSuchHandler)
}

#[derive(Debug, thiserror::Error)]
#[error("no such handler")]
struct NoSuchHandler;

impl crate::http::error::Problem for NoSuchHandler {
    fn status(&self) -> StatusCode {
        StatusCode::NOT_FOUND
    }
}

pub async fn disable_handler(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Admin)?;
    let id = handler_id(&path)?;
    if id == posted.who.handler.id {
        return Err(BadField("you cannot disable your own account".into()).into());
    }
    if !state
        .store
        .disable_handler(&posted.who.actor().audit_name(), id, store::now())
        .await?
    {
        return Err(BadField("no such enabled handler".into()).into());
    }
    Ok(see_other("/console/handlers"))
}

pub async fn enable_handler(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Admin)?;
    let id = handler_id(&path)?;
    if !state
        .store
        .enable_handler(&posted.who.actor().audit_name(), id, store::now())
        .await?
    {
        return Err(BadField("no such disabled handler".into()).into());
    }
    Ok(see_other("/console/handlers"))
}

/// A new generated password for another handler, shown once; their sessions end.
pub async fn reset_password(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Admin)?;
    let id = handler_id(&path)?;
    if id == posted.who.handler.id {
        return Err(BadField(
            "change your own password on your account page (it asks for the current one)".into(),
        )
        .into());
    }
    let generated = password::generate();
    let to_hash = generated.clone();
    let hash = web::block(move || password::hash(&to_hash))
        .await
        .map_err(|_| BadField("the password could not be hashed".into()))?;
    let by = posted.who.actor().audit_name();
    if !state
        .store
        .reset_password(&by, id, &hash, store::now())
        .await?
    {
        return Err(BadField("no such enabled handler".into()).into());
    }
    let username = state
        .store
        .handlers()
        .await?
        .into_iter()
        .find(|h| h.id == id)
        .map(|h| h.username)
        .unwrap_or_default();
    handlers_page(
        &state,
        &posted.who,
        Some(ShownOnce {
            what: format!("New password for {username}"),
            secret: generated,
        }),
    )
    .await
}

/// Clears the failure count and any sign-in wait.
pub async fn unlock(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    reset(&state, handler_id(&path)?, posted, Reset::SignInWait).await
}

/// Removes a lost authenticator; the handler enrols again.
pub async fn reset_totp(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    reset(&state, handler_id(&path)?, posted, Reset::Totp).await
}

async fn reset(
    state: &AppState,
    id: i64,
    posted: Posted<SignedIn>,
    reset: Reset,
) -> Result<HttpResponse, PageError> {
    posted.who.require(HandlerRole::Admin)?;
    if !state
        .store
        .reset_handler(&posted.who.actor().audit_name(), id, reset, store::now())
        .await?
    {
        return Err(BadField("no such enabled handler".into()).into());
    }
    Ok(see_other("/console/handlers"))
}

pub async fn settings(
    state: web::Data<AppState>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Admin)?;
    let required = match posted.form.get("totp_required") {
        "1" => true,
        "" | "0" => false,
        _ => return Err(BadField("totp_required: expected 1 or 0".into()).into()),
    };
    state
        .store
        .set_totp_required(&posted.who.actor(), required, store::now())
        .await?;
    Ok(see_other("/console/handlers"))
}

pub struct TokenRow {
    pub short: String,
    pub hash: String,
    pub agency_id: String,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub revoked: Option<String>,
}

/// An agency as the page shows it: from `routing.toml`, with how it authenticates.
pub struct AgencyRow {
    pub id: String,
    pub name: String,
    pub contact: String,
    pub categories: String,
    /// How it may authenticate, and whether its cases are sealed to its key.
    pub access: String,
}

#[derive(Template)]
#[template(path = "console/agencies.html")]
struct AgenciesPage {
    nav: Nav,
    agencies: Vec<AgencyRow>,
    tokens: Vec<TokenRow>,
    shown: Option<ShownOnce>,
}

async fn agencies_page(
    state: &AppState,
    who: &SignedIn,
    shown: Option<ShownOnce>,
) -> Result<HttpResponse, PageError> {
    who.require(HandlerRole::Admin)?;
    let tokens = state
        .store
        .agency_tokens()
        .await?
        .into_iter()
        .map(|t| TokenRow {
            short: t.short().to_owned(),
            created: store::day_of(t.created_at),
            last_used: t.last_used_on.clone().unwrap_or_else(|| "never".into()),
            revoked: t.revoked_at.map(when),
            hash: t.hash,
            agency_id: t.agency_id,
            name: t.name,
        })
        .collect();
    let agencies = state
        .routing
        .agencies
        .iter()
        .map(|a| {
            let mut access = vec![
                match (a.client_certificates.len(), a.require_client_certificate) {
                    (0, _) => "tokens".to_owned(),
                    (n, false) => format!("tokens or {n} client certificate(s)"),
                    (n, true) => format!("{n} client certificate(s) only"),
                },
            ];
            if a.hpke_public_key.is_some() {
                access.push("cases sealed to its key".into());
            }
            AgencyRow {
                id: a.id.clone(),
                name: a.name.clone(),
                contact: a.contact.clone(),
                categories: a
                    .categories
                    .iter()
                    .map(|c| c.label())
                    .collect::<Vec<_>>()
                    .join(", "),
                access: access.join("; "),
            }
        })
        .collect();
    Ok(crate::web::render(
        StatusCode::OK,
        &AgenciesPage {
            nav: Nav::new(state, who),
            agencies,
            tokens,
            shown,
        },
    ))
}

pub async fn agencies(
    state: web::Data<AppState>,
    who: Result<SignedIn, ApiError>,
) -> Result<HttpResponse, PageError> {
    agencies_page(&state, &who?, None).await
}

pub async fn issue_token(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Admin)?;
    let name = crate::agency::auth::check_token_name(posted.form.get("name")).map_err(BadField)?;
    let new = token::generate(crate::agency::auth::TOKEN_PREFIX);
    if !state
        .store
        .issue_agency_token(
            &posted.who.actor().audit_name(),
            &path,
            name,
            &new.hash,
            store::now(),
        )
        .await?
    {
        return Err(BadField("no such agency".into()).into());
    }
    agencies_page(
        &state,
        &posted.who,
        Some(ShownOnce {
            what: format!(
                "API token for {}{}",
                path.as_str(),
                if name.is_empty() {
                    String::new()
                } else {
                    format!(" ({name})")
                }
            ),
            secret: new.secret,
        }),
    )
    .await
}

pub async fn revoke_token(
    state: web::Data<AppState>,
    posted: Result<Posted<SignedIn>, ApiError>,
) -> Result<HttpResponse, PageError> {
    let posted = posted?;
    posted.who.require(HandlerRole::Admin)?;
    if !state
        .store
        .revoke_agency_token(
            &posted.who.actor().audit_name(),
            posted.form.get("token"),
            store::now(),
        )
        .await?
    {
        return Err(BadField("token: no such live token".into()).into());
    }
    Ok(see_other("/console/agencies"))
}
