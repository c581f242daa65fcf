//! A foster household's safer-caring policy: guided sections in the household's own words,
//! reviewed and dated. One per carer profile; every save makes a new version of the same record.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Field, Problem, Result};
use crate::validate::{self, LONG_TEXT, SHORT_TEXT};
use waymark_i18n::Language;

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

    /// The id of the topic's words in the catalogues (`topic-<id>` and `topic-<id>-prompt`).
    pub fn id(self) -> &'static str {
        match self {
            PolicyTopic::WhoLivesAndVisits => "who_lives_and_visits",
            PolicyTopic::PrivacyBathroomsBedrooms => "privacy_bathrooms_bedrooms",
            PolicyTopic::TouchAndComfort => "touch_and_comfort",
            PolicyTopic::OnlineAndPhones => "online_and_phones",
            PolicyTopic::Photos => "photos",
            PolicyTopic::Babysitting => "babysitting",
            PolicyTopic::Transport => "transport",
            PolicyTopic::IfAConcernIsRaised => "if_a_concern_is_raised",
            PolicyTopic::Other => "other",
        }
    }

    pub fn heading(self, language: Language) -> String {
        waymark_i18n::text(language, &format!("topic-{}", self.id()))
    }

    /// The questions that guide a household through writing this section.
    pub fn prompt(self, language: Language) -> String {
        waymark_i18n::text(language, &format!("topic-{}-prompt", self.id()))
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
        validate::required_text(Field::HouseholdName, &self.household, SHORT_TEXT)?;
        let mut seen = std::collections::HashSet::new();
        for s in &self.sections {
            if !seen.insert(s.topic) {
                return Err(Error::invalid(Field::Sections, Problem::Twice { given: s.topic.id().into() }));
            }
            validate::text(Field::Sections, &s.text, LONG_TEXT)?;
        }
        validate::optional_date(Field::ReviewedOn, &self.reviewed_on)?;
        validate::optional_date(Field::NextReview, &self.next_review_on)?;
        if let (Some(a), Some(b)) = (&self.reviewed_on, &self.next_review_on) {
            if b < a {
                return Err(Error::invalid(Field::NextReview, Problem::NotAfterLastReview));
            }
        }
        Ok(())
    }
}

use crate::export::{escape, html_document};

impl SaferCaringPolicy {
    /// The policy as a document to print or give to a supervising social worker: every section
    /// in the guided order, empty ones left out.
    pub fn to_html(&self, language: Language) -> String {
        let say = |id: &str, name: &str, value: &str| waymark_i18n::text_with(language, id, &[(name, value.to_string().into())]);
        let mut body = format!(
            "<h1>{}</h1><p><strong>{}</strong></p>",
            escape(&waymark_i18n::text(language, "policy-document-heading")),
            escape(&self.household)
        );
        if let Some(d) = &self.reviewed_on {
            body.push_str(&format!("<p>{}</p>", escape(&say("policy-document-reviewed", "date", d))));
        }
        if let Some(d) = &self.next_review_on {
            body.push_str(&format!("<p>{}</p>", escape(&say("policy-document-next-review", "date", d))));
        }
        for topic in PolicyTopic::ALL {
            if let Some(section) = self.sections.iter().find(|s| s.topic == topic && !s.text.trim().is_empty()) {
                body.push_str(&format!(
                    "<h2>{}</h2><p class=\"text\">{}</p>",
                    escape(&topic.heading(language)),
                    escape(section.text.trim())
                ));
            }
        }
        html_document(language, &say("policy-document-title", "household", &self.household), &body)
    }

    /// The saved document's file name, without its extension.
    pub fn document_name(&self, language: Language) -> String {
        waymark_i18n::text_with(language, "policy-document-name", &[("household", self.household.clone().into())])
    }
}
