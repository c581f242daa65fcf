//! Storing plan versions: every version kept, and what changed between them.
//! The rules are the domain's (`crate::domain::plan`); this file only reads and writes them.

use uuid::Uuid;

use crate::domain::plan::*;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::{Error, Field, Problem, Result};
use crate::vault::{Session, Vault};

impl Vault {
    /// Stores a new version of a plan. Versions only go up: an older or repeated version is refused.
    pub fn add_plan_version(&mut self, session: &Session, plan: Plan) -> Result<StoredRecord> {
        plan.validate()?;
        let latest = self.plan_versions(session, plan.plan_id)?.last().map(|p| p.version);
        if let Some(v) = latest {
            if plan.version <= v {
                return Err(Error::invalid(Field::PlanVersion, Problem::NotNewer { version: plan.version, latest: v }));
            }
        }
        self.insert(session, RecordBody::Plan(plan))
    }

    /// Every version of one plan, oldest first.
    pub fn plan_versions(&self, session: &Session, plan_id: Uuid) -> Result<Vec<Plan>> {
        let mut out: Vec<Plan> = self
            .list(session, Some(RecordKind::Plan))?
            .records
            .into_iter()
            .filter_map(|r| match r.body {
                RecordBody::Plan(p) if p.plan_id == plan_id => Some(p),
                _ => None,
            })
            .collect();
        out.sort_by_key(|p| p.version);
        Ok(out)
    }

    /// Each plan this person has, newest version first in view: the latest version, the version
    /// numbers held, and what changed since the version before it.
    pub fn plan_overview(&self, session: &Session) -> Result<Vec<PlanOverview>> {
        let mut by_plan: std::collections::BTreeMap<Uuid, Vec<Plan>> = std::collections::BTreeMap::new();
        for r in self.list(session, Some(RecordKind::Plan))?.records {
            if let RecordBody::Plan(p) = r.body {
                by_plan.entry(p.plan_id).or_default().push(p);
            }
        }
        let mut out: Vec<PlanOverview> = by_plan
            .into_values()
            .map(|mut versions| {
                versions.sort_by_key(|p| p.version);
                let latest = versions.pop().expect("each group has a plan");
                let changes = versions.last().map(|prev| diff(prev, &latest)).unwrap_or_default();
                let mut numbers: Vec<u32> = versions.iter().map(|p| p.version).collect();
                numbers.push(latest.version);
                PlanOverview { previous_version: versions.last().map(|p| p.version), versions: numbers, changes, latest }
            })
            .collect();
        out.sort_by_key(|o| std::cmp::Reverse(o.latest.received_at));
        Ok(out)
    }

    /// What changed between two versions of a plan.
    pub fn plan_diff(&self, session: &Session, plan_id: Uuid, from: u32, to: u32) -> Result<Vec<PlanChange>> {
        let versions = self.plan_versions(session, plan_id)?;
        let find = |v: u32| {
            versions
                .iter()
                .find(|p| p.version == v)
                .ok_or_else(|| Error::NotFound { thing: crate::error::Thing::PlanVersion, given: v.to_string() })
        };
        Ok(diff(find(from)?, find(to)?))
    }
}
