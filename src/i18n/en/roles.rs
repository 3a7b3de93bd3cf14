//! Roles and means in English: the role's word ("funder"), the legends' labels ("Funders"),
//! the means ("Engineering").

use super::English;
use crate::model::{ActionStatus, Means, Role, RoleWords};

impl RoleWords for English {
    fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Lead => "lead",
            Role::LeadCandidate => "lead candidate",
            Role::Prescriber => "prescriber",
            Role::Funder => "funder",
            Role::Support => "support partner",
            Role::Target => "target",
            Role::Relay => "relay",
        }
    }

    fn legend(&self, role: Role) -> &'static str {
        match role {
            Role::Lead => "Lead(s)",
            Role::LeadCandidate => "Lead candidates",
            Role::Prescriber => "Prescribers",
            Role::Funder => "Funders",
            Role::Support => "Support partners, resources",
            Role::Target => "Targets",
            Role::Relay => "Relays",
        }
    }

    fn means(&self, means: Means) -> &'static str {
        match means {
            Means::Engineering => "Engineering",
            Means::Support => "Support",
            Means::Funding => "Funding",
        }
    }

    fn action_status(&self, status: ActionStatus) -> &'static str {
        match status {
            ActionStatus::Planned => "planned",
            ActionStatus::Ongoing => "ongoing",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}
