//! The states of the flow, as enums that mirror the database's CHECK constraints, so a
//! status is never a string compared by value.

use serde::Serialize;
use std::fmt;

/// Declares a closed set of values stored as text.
macro_rules! stored_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(value: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == value)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use stored_enum;

stored_enum!(
    /// `received -> pending_review -> in_review -> forwarded | rejected`, with
    /// `awaiting_reporter` while a question waits for the reporter's answer.
    TipStatus {
        Received = "received",
        PendingReview = "pending_review",
        InReview = "in_review",
        AwaitingReporter = "awaiting_reporter",
        Forwarded = "forwarded",
        Rejected = "rejected",
    }
);

stored_enum!(
    /// `queued -> leased -> acknowledged`; a lapsed lease reads as queued.
    CaseState {
        Queued = "queued",
        Leased = "leased",
        Acknowledged = "acknowledged",
    }
);

stored_enum!(
    /// Who wrote a message in a tip's conversation.
    MessageAuthor {
        Handler = "handler",
        Reporter = "reporter",
    }
);

stored_enum!(
    /// Where a message of the conversation stands. A handler's question is `asked` (or
    /// `withdrawn`); a reporter's message is `received` until the redaction worker has
    /// drafted it, `pending` until a handler decides, then `forwarded` (as an update to
    /// the agencies holding the case) or `withheld`.
    MessageState {
        Asked = "asked",
        Withdrawn = "withdrawn",
        Received = "received",
        Pending = "pending",
        Forwarded = "forwarded",
        Withheld = "withheld",
    }
);

stored_enum!(
    /// What a case carries: the tip itself, or an approved reporter message that
    /// updates it.
    CaseKind {
        Report = "report",
        Update = "update",
    }
);

stored_enum!(
    /// What an audit row records.
    AuditAction {
        Login = "login",
        LoginFailed = "login_failed",
        LoginSlowed = "login_slowed",
        Logout = "logout",
        TotpEnrolled = "totp_enrolled",
        TotpReset = "totp_reset",
        PasswordChanged = "password_changed",
        HandlerAdded = "handler_added",
        HandlerDisabled = "handler_disabled",
        HandlerEnabled = "handler_enabled",
        PasswordReset = "password_reset",
        LockoutCleared = "lockout_cleared",
        SettingChanged = "setting_changed",
        TokenIssued = "token_issued",
        TokenRevoked = "token_revoked",
        Claim = "claim",
        Release = "release",
        Reassign = "reassign",
        Forward = "forward",
        Reject = "reject",
        Ask = "ask",
        Answer = "answer",
        Addition = "addition",
        Update = "update",
        Withdraw = "withdraw",
        Erased = "erased",
        Requeue = "requeue",
        AgenciesConfigured = "agencies_configured",
        QuestionHandled = "question_handled",
        PhoneReport = "phone_report",
        PhoneFollowUp = "phone_follow_up",
        Undo = "undo",
        BlackOut = "black_out",
    }
);

impl TipStatus {
    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            TipStatus::Received => "received",
            TipStatus::PendingReview => "waiting for review",
            TipStatus::InReview => "being reviewed",
            TipStatus::AwaitingReporter => "waiting for the reporter",
            TipStatus::Forwarded => "forwarded",
            TipStatus::Rejected => "rejected",
        }
    }
}

impl AuditAction {
    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            AuditAction::Login => "signed in",
            AuditAction::LoginFailed => "sign-in failed",
            AuditAction::LoginSlowed => "sign-in failed; the next must wait",
            AuditAction::Logout => "signed out",
            AuditAction::TotpEnrolled => "set up an authenticator",
            AuditAction::TotpReset => "authenticator removed",
            AuditAction::PasswordChanged => "changed password",
            AuditAction::HandlerAdded => "added a handler",
            AuditAction::HandlerDisabled => "disabled a handler",
            AuditAction::HandlerEnabled => "enabled a handler",
            AuditAction::PasswordReset => "reset a handler's password",
            AuditAction::LockoutCleared => "cleared failed sign-ins",
            AuditAction::SettingChanged => "changed a setting",
            AuditAction::TokenIssued => "issued an agency token",
            AuditAction::TokenRevoked => "revoked an agency token",
            AuditAction::Claim => "claimed",
            AuditAction::Release => "released",
            AuditAction::Reassign => "reassigned",
            AuditAction::Forward => "forwarded",
            AuditAction::Reject => "rejected",
            AuditAction::Ask => "asked the reporter",
            AuditAction::Answer => "answered",
            AuditAction::Addition => "added information",
            AuditAction::Update => "sent the reporter's new messages",
            AuditAction::Withdraw => "withdrew a question",
            AuditAction::Undo => "took back a decision",
            AuditAction::BlackOut => "blacked out part of a file",
            AuditAction::Erased => "erased after the retention period",
            AuditAction::Requeue => "requeued a dead-letter case",
            AuditAction::AgenciesConfigured => "agencies changed in routing.toml",
            AuditAction::QuestionHandled => "handled an agency's question",
            AuditAction::PhoneReport => "took a report by phone",
            AuditAction::PhoneFollowUp => "opened a report by its receipt code, for a caller",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_round_trips() {
        for s in TipStatus::ALL {
            assert_eq!(TipStatus::parse(s.as_str()), Some(*s));
        }
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(*a));
        }
        assert_eq!(CaseState::parse("lost"), None);
        assert_eq!(
            serde_json::to_string(&TipStatus::AwaitingReporter).unwrap(),
            "\"awaiting_reporter\""
        );
    }

    /// The CHECK constraints and the enums list the same values.
    #[test]
    fn enums_mirror_the_schema() {
        for schema in [
            include_str!("../../migrations/sqlite/0001_initial.sql"),
            include_str!("../../migrations/postgres/0001_initial.sql"),
        ] {
            for (column, values) in [
                (
                    "status",
                    TipStatus::ALL
                        .iter()
                        .map(|v| v.as_str())
                        .collect::<Vec<_>>(),
                ),
                ("state", CaseState::ALL.iter().map(|v| v.as_str()).collect()),
                (
                    "author",
                    MessageAuthor::ALL.iter().map(|v| v.as_str()).collect(),
                ),
            ] {
                let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
                let check = format!("{column} IN ({})", quoted.join(", "));
                assert!(schema.contains(&check), "schema lacks `{check}`");
            }
        }
        for schema in [
            include_str!("../../migrations/sqlite/0009_conversation_updates.sql"),
            include_str!("../../migrations/postgres/0009_conversation_updates.sql"),
        ] {
            for (column, values) in [
                (
                    "state",
                    MessageState::ALL
                        .iter()
                        .map(|v| v.as_str())
                        .collect::<Vec<_>>(),
                ),
                ("kind", CaseKind::ALL.iter().map(|v| v.as_str()).collect()),
            ] {
                let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
                let check = format!("{column} IN ({})", quoted.join(", "));
                assert!(schema.contains(&check), "schema lacks `{check}`");
            }
        }
    }
}
