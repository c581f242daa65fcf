//! A foster household's safer-caring policy: guided sections in the household's own words,
//! reviewed and dated. One per carer profile; every save makes a new version of the same record.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::validate::{self, LONG_TEXT, SHORT_TEXT};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySection {
    pub topic: PolicyTopic,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaferCaringPolicy {
    pub household: String,
    #[serde(default)]
    pub sections: Vec<PolicySection>,
    /// `YYYY-MM-DD`: when the household last went through the policy together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
