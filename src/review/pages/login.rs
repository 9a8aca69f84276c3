//! Sign-in and sign-out pages.

use crate::http::error::Problem;
use crate::http::error::{ApiError, BadField, PageError};
use crate::intake::AntiAbuse;
use crate::review::auth::{self, Session};
use crate::review::csrf::{self, FormError, FormFields, Posted};
use crate::review::signin::{self, SignInError};
use crate::state::AppState;
use crate::web::see_other;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

#[derive(Template)]
#[template(path = "console/login.html")]
struct LoginPage<'a> {
    csrf: String,
    username: &'a str,
    error: Option<String>,
}

/// The form, with a pre-session cookie behind its CSRF token (set when missing).
pub async fn page(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let existing = req.cookie(csrf::LOGIN_COOKIE).map(|c| c.value().to_owned());
    let cookie = existing.is_none().then(csrf::login_cookie);
    let secret = existing.unwrap_or_else(|| {
        cookie
            .as_ref()
            .map(|c| c.value().to_owned())
            .unwrap_or_default()
    });
    let mut response = crate::web::render(
        StatusCode::OK,
        &LoginPage {
            csrf: csrf::login_token(&state.keys.data, &secret),
            username: "",
            error: None,
        },
    );
    if let Some(cookie) = cookie {
        // The response was built above; a cookie that cannot be added only means the
        // form will be refused with a clear message.
        let _ = response.add_cookie(&cookie);
    }
    response
}

pub async fn submit(
    state: web::Data<AppState>,
    abuse: web::Data<AntiAbuse>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    auth::refuse_cross_site(&req)?;
    abuse.count_sign_in(&req)?;
    let form = FormFields::read(&req, payload)
        .await
        .map_err(FormError::from)?;
    let secret = req
        .cookie(csrf::LOGIN_COOKIE)
        .map(|c| c.value().to_owned())
        .ok_or(FormError::BadToken)?;
    if !csrf::login_token_ok(&state.keys.data, &secret, form.get(csrf::FIELD)) {
        return Err(FormError::BadToken.into());
    }
    let username = form.get("username");
    let device = req.cookie(auth::DEVICE_COOKIE);
    match signin::sign_in(
        &state,
        username,
        form.get("password").to_owned(),
        form.get("totp"),
        device.as_ref().map(|c| c.value()),
    )
    .await
    {
        Ok(signed_in) => {
            let mut response = see_other("/console/queue");
            response
                .add_cookie(&auth::session_cookie(signed_in.session))
                .and_then(|()| response.add_cookie(&auth::device_cookie(signed_in.device)))
                .map_err(|_| BadField("the session cookie could not be set".into()))?;
            Ok(response)
        }
        Err(
            e @ (SignInError::Invalid | SignInError::BadUsername(_) | SignInError::TooEarly { .. }),
        ) => {
            let mut page = crate::web::render(
                e.status(),
                &LoginPage {
                    csrf: csrf::login_token(&state.keys.data, &secret),
                    username,
                    error: Some(e.to_string()),
                },
            );
            if let Some((name, value)) = e.header() {
                page.headers_mut().insert(name, value);
            }
            Ok(page)
        }
        Err(e) => Err(PageError::from(auth::AuthError::from(e))),
    }
}

pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    posted: Result<Posted<Session>, ApiError>,
) -> Result<HttpResponse, PageError> {
    posted?;
    auth::end_session(&state, &req).await?;
    let mut response = see_other("/console/login");
    response
        .add_cookie(&auth::removal_cookie())
        .map_err(|_| BadField("the session cookie could not be removed".into()))?;
    Ok(response)
}
