//! Les rôles et les moyens en français : le mot du tableau des liens (« financeur »), le
//! libellé des légendes (« Financeurs »), les moyens (« Ingénierie »).

use super::French;
use crate::model::{ActionStatus, Means, Role, RoleWords};

impl RoleWords for French {
    fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Lead => "chef de file",
            Role::LeadCandidate => "chef de file pressenti",
            Role::Prescriber => "prescripteur",
            Role::Funder => "financeur",
            Role::Support => "accompagnateur",
            Role::Target => "cible",
            Role::Relay => "relais",
        }
    }

    fn legend(&self, role: Role) -> &'static str {
        match role {
            Role::Lead => "Chef(s) de file",
            Role::LeadCandidate => "Chef de file pressenti",
            Role::Prescriber => "Prescripteurs",
            Role::Funder => "Financeurs",
            Role::Support => "Accompagnateurs, partenaires-ressources",
            Role::Target => "Cibles",
            Role::Relay => "Relais",
        }
    }

    fn means(&self, means: Means) -> &'static str {
        match means {
            Means::Engineering => "Ingénierie",
            Means::Support => "Accompagnement",
            Means::Funding => "Financiers",
        }
    }

    fn action_status(&self, status: ActionStatus) -> &'static str {
        match status {
            ActionStatus::Planned => "envisagée",
            ActionStatus::Ongoing => "en cours",
            ActionStatus::Done => "réalisée",
            ActionStatus::Dropped => "abandonnée",
        }
    }
}
