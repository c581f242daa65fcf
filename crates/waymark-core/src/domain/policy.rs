//! A foster household's safer-caring policy: guided sections in the household's own words,
//! reviewed and dated. One per carer profile; every save makes a new version of the same record.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::validate::{self, LONG_TEXT, SHORT_TEXT};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PolicyTopic {
    WhoLivesAndVisits,
    PrivacyBathroomsBedrooms,
    TouchAndComfort,
    OnlineAndPhones,
    Photos,
    Babysitting,
    Transport,
    IfAConcernIsRaised,
    Other,
}

impl PolicyTopic {
    pub const ALL: [PolicyTopic; 9] = [
        PolicyTopic::WhoLivesAndVisits,
        PolicyTopic::PrivacyBathroomsBedrooms,
        PolicyTopic::TouchAndComfort,
        PolicyTopic::OnlineAndPhones,
        PolicyTopic::Photos,
        PolicyTopic::Babysitting,
        PolicyTopic::Transport,
        PolicyTopic::IfAConcernIsRaised,
        PolicyTopic::Other,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            PolicyTopic::WhoLivesAndVisits => "Who lives here and who visits",
            PolicyTopic::PrivacyBathroomsBedrooms => "Privacy, bathrooms and bedrooms",
            PolicyTopic::TouchAndComfort => "Touch and comfort",
            PolicyTopic::OnlineAndPhones => "Online, phones and screens",
            PolicyTopic::Photos => "Photos and sharing images",
            PolicyTopic::Babysitting => "Babysitting and other carers",
            PolicyTopic::Transport => "Getting around",
            PolicyTopic::IfAConcernIsRaised => "What we do if a concern is raised",
            PolicyTopic::Other => "Anything else",
        }
    }

    /// The questions that guide a household through writing this section.
    pub fn prompt(self) -> &'static str {
        match self {
            PolicyTopic::WhoLivesAndVisits => "Who lives in your home? Who visits often or stays over? How do you let a child know who will be around?",
            PolicyTopic::PrivacyBathroomsBedrooms => "How does everyone get privacy when washing and dressing? Who goes into whose bedroom, and do you knock first?",
            PolicyTopic::TouchAndComfort => "How do you comfort a child who is upset? How do you check what kind of hug or touch they are happy with?",
            PolicyTopic::OnlineAndPhones => "What are the rules for phones, games and the internet? Where are screens used, and what happens at night?",
            PolicyTopic::Photos => "When do you take photos? Who can see them, and what is never posted online?",
            PolicyTopic::Babysitting => "Who looks after the child if you are out? What do they need to know, and who has been checked?",
            PolicyTopic::Transport => "Who drives the child, and where do they sit? What about lifts with friends or taxis?",
            PolicyTopic::IfAConcernIsRaised => "What will you do if a child tells you something worrying, or if someone is worried about your household? Who do you call?",
            PolicyTopic::Other => "Anything else that keeps everyone in your home safe and comfortable.",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PolicySection {
    pub topic: PolicyTopic,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SaferCaringPolicy {
    pub household: String,
    #[serde(default)]
    pub sections: Vec<PolicySection>,
    /// `YYYY-MM-DD`: when the household last went through the policy together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reviewed_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub next_review_on: Option<String>,
}

impl SaferCaringPolicy {
    pub fn validate(&self) -> Result<()> {
        validate::required_text("Household name", &self.household, SHORT_TEXT)?;
        let mut seen = std::collections::HashSet::new();
        for s in &self.sections {
            if !seen.insert(s.topic) {
                return Err(Error::invalid("Sections", format!("'{}' appears twice", s.topic.heading())));
            }
            validate::text(s.topic.heading(), &s.text, LONG_TEXT)?;
        }
        validate::optional_date("Reviewed on", &self.reviewed_on)?;
        validate::optional_date("Next review", &self.next_review_on)?;
        if let (Some(a), Some(b)) = (&self.reviewed_on, &self.next_review_on) {
            if b < a {
                return Err(Error::invalid("Next review", "must be after the last review"));
            }
        }
        Ok(())
    }
}

use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::export::{escape, html_document};
use crate::vault::{Role, Session, Vault};

impl Vault {
    /// The household's policy, if it has been started.
    pub fn safer_caring_policy(&self, session: &Session) -> Result<Option<StoredRecord>> {
        Ok(self.list(session, Some(RecordKind::SaferCaringPolicy))?.records.into_iter().next())
    }

    /// Saves the policy: the first save creates it, each later save is a new version of the
    /// same record, so there is only ever one policy per carer profile.
    pub fn save_safer_caring_policy(&mut self, session: &Session, policy: SaferCaringPolicy) -> Result<StoredRecord> {
        session.require_role(Role::Carer, "Safer-caring policies")?;
        match self.safer_caring_policy(session)? {
            Some(existing) => self.update(session, existing.id, RecordBody::SaferCaringPolicy(policy)),
            None => self.insert(session, RecordBody::SaferCaringPolicy(policy)),
        }
    }
}

impl SaferCaringPolicy {
    /// The policy as a document to print or give to a supervising social worker: every section
    /// in the guided order, empty ones left out.
    pub fn to_html(&self) -> String {
        let mut body = format!("<h1>Our safer-caring policy</h1><p><strong>{}</strong></p>", escape(&self.household));
        if let Some(d) = &self.reviewed_on {
            body.push_str(&format!("<p>Last reviewed together: {}</p>", escape(d)));
        }
        if let Some(d) = &self.next_review_on {
            body.push_str(&format!("<p>Next review: {}</p>", escape(d)));
        }
        for topic in PolicyTopic::ALL {
            if let Some(section) = self.sections.iter().find(|s| s.topic == topic && !s.text.trim().is_empty()) {
                body.push_str(&format!(
                    "<h2>{}</h2><p class=\"text\">{}</p>",
                    escape(topic.heading()),
                    escape(section.text.trim())
                ));
            }
        }
        html_document(&format!("Safer-caring policy – {}", self.household), &body)
    }
}
