//! Who acts on the console side: a handler with a role.

use serde::Serialize;

/// A console user's role; each includes the powers of those before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HandlerRole {
    Handler,
    Supervisor,
    Admin,
}

impl HandlerRole {
    pub const ALL: [HandlerRole; 3] = [
        HandlerRole::Handler,
        HandlerRole::Supervisor,
        HandlerRole::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HandlerRole::Handler => "handler",
            HandlerRole::Supervisor => "supervisor",
            HandlerRole::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<HandlerRole> {
        HandlerRole::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// A signed-in handler acting: who claims, decides, and is named in the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: i64,
    pub username: String,
}

impl Actor {
    /// How the audit log names the handler.
    pub fn audit_name(&self) -> String {
        format!("handler:{}", self.username)
    }
}

/// How the audit log names a reporter acting through `/follow-up` (never further).
pub const REPORTER_AUDIT_NAME: &str = "reporter";
/// How the audit log names whoever tried to sign in with a username that names nobody
/// (the name is not kept: it may be a password typed in the wrong field).
pub const UNKNOWN_USERNAME_AUDIT_NAME: &str = "unknown-username";
/// How the audit log names the operator at the command line.
pub const OPERATOR_AUDIT_NAME: &str = "operator:cli";

/// A console username: 1 to 64 lowercase letters, digits, '.', '_' or '-' (the console and
/// `tipline handler add` apply the same rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(name: &str) -> Result<Username, &'static str> {
        let ok = (1..=64).contains(&name.len())
            && name.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')
            });
        if ok {
            Ok(Username(name.to_owned()))
        } else {
            Err("username: use 1 to 64 lowercase letters, digits, '.', '_' or '-'")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
