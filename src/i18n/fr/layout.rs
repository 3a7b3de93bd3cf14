//! Les cartes en français : titres, légendes, badges, étiquettes des cartes et du graphique
//! d'avancement.
//!
//! Numbers on a slide have at most two decimals ("0,25", "1 500"), with a no-break space
//! between thousands so that a figure never wraps. French typography as in the reports: a
//! no-break space (`{NB}`, `\u{a0}` in the labels) before `:` `;` `?` `!` `%` `€`, so that
//! "Chef de file ?" never leaves its "?" alone at the start of a line; a test fails on a
//! plain space there.

use jiff::civil::Date;

use super::{French, NB};
use crate::i18n::{Lang, Language};
use crate::layout::words::{Conditions, Label, Words};
use crate::model::{ActionStatus, Means, Role, RoleWords};
use crate::status::Standing;

/// A number on a slide: at most two decimals.
fn number(n: f64) -> String {
    French.decimal(n, 2)
}

/// A number and its unit, kept together: "1 500 km", "65 %"; "1 500" without a unit.
fn with_unit(n: f64, unit: Option<&str>) -> String {
    match unit {
        Some(unit) => format!("{}{NB}{unit}", number(n)),
        None => number(n),
    }
}

impl Words for French {
    fn map_label(&self, label: Label) -> &'static str {
        match label {
            Label::Priority => "PRIORITAIRE",
            Label::Lead => "Chef de file",
            Label::LeadCandidate => "Chef de file pressenti",
            Label::NoLead => "Chef de file\u{a0}?",
            Label::ToBeNamed => "à désigner",
            Label::ToBeIdentified => "à identifier",
            Label::GapsToFill => "À désigner / à identifier",
            Label::LeadToBeNamed => "Chef de file à désigner",
            Label::RoleToBeIdentified => "Rôle à identifier",
            Label::Legend => "Légende",
            Label::Means => "Avec quels moyens\u{a0}?",
            Label::MemberOf => "Membre de",
            Label::StandsFor => "Regroupe",
            Label::NoActor => "Aucun acteur renseigné",
            Label::NoObjective => "Aucun objectif renseigné",
            Label::NoDomain => "Aucun domaine renseigné",
            Label::NoRole => "Aucun rôle renseigné",
            Label::TooManyActors => {
                "Trop d'acteurs pour une carte\u{a0}: dessinez un objectif à la fois (--objective)"
            }
            Label::TooManyRoles => "Trop de rôles pour une carte",
            Label::ProgressUnknown => "avancement inconnu",
            Label::NoTarget => "sans cible",
            Label::NoTargetGiven => "pas de cible",
            Label::Unknown => "inconnu",
            Label::UnknownValue => "valeur inconnue",
            Label::PriorityBehind => "prioritaire en retard, projeté sous le seuil",
            Label::Projection => "projection à la fin du programme",
            Label::NotCovered => "non couvert",
            Label::OutOfScope => "hors périmètre",
            Label::NoScopedObjective => "Aucun objectif dont le périmètre est suivi",
            Label::Context => "État des lieux",
            Label::Actions => "Actions et porteurs",
            Label::NoAction => "Aucune action renseignée",
            Label::WhoIsMobilised => "Qui mobilise-t-on\u{a0}?",
            Label::NoBearer => "Quid du portage\u{a0}?",
            Label::CarriedActions => "Actions portées",
            Label::TwoWayLink => "lien réciproque",
            Label::OneWayLink => "lien dans un seul sens",
        }
    }

    fn page(&self, title: &str, number: usize, count: usize) -> String {
        format!("{title} ({number}/{count})")
    }

    fn actor_title(&self, actor: &str) -> String {
        format!("{actor}{NB}: ses rôles")
    }

    fn names_after(&self, label: Label, names: &[&str]) -> String {
        format!("{}{NB}: {}", self.map_label(label), names.join(", "))
    }

    fn via(&self, group: &str) -> String {
        format!("via {group}")
    }

    fn related(&self, domains: &[String]) -> String {
        format!("Liens{NB}: {}", domains.join(", "))
    }

    fn objectives(&self, n: usize) -> String {
        self.count(n, "objectif", "objectifs")
    }

    fn actors(&self, n: usize) -> String {
        self.count(n, "acteur", "acteurs")
    }

    fn more(&self, n: usize) -> String {
        let others = if n > 1 { "autres" } else { "autre" };
        format!("+{NB}{}{NB}{others}", self.number(n as f64))
    }

    fn more_objectives(&self, n: usize) -> String {
        let others = if n > 1 {
            "autres objectifs"
        } else {
            "autre objectif"
        };
        format!("+{NB}{}{NB}{others}", self.number(n as f64))
    }

    fn more_rows(&self, n: usize) -> String {
        let others = if n > 1 {
            "autres lignes"
        } else {
            "autre ligne"
        };
        format!("+{NB}{}{NB}{others}", self.number(n as f64))
    }

    fn list_file(&self, stem: &str) -> String {
        format!("{stem}-acteurs.csv")
    }

    fn full_list(&self, file: &str) -> String {
        format!("liste complète{NB}: {file}")
    }

    fn list_header(&self) -> [&'static str; 4] {
        ["Acteur", "Rôle", "Nombre d'objectifs", "Objectifs"]
    }

    fn progress_stages(&self) -> [&'static str; 3] {
        ["mise en page", "dessin", "écriture"]
    }

    fn candidate(&self, name: &str) -> String {
        format!("{name}{NB}?")
    }

    fn role_gap(&self, role: Role) -> String {
        format!("{}{NB}?", self.legend(role))
    }

    fn objective_line(&self, title: &str, target: Option<f64>, unit: Option<&str>) -> String {
        match target {
            Some(target) => format!(
                "Objectif{NB}: {title} — cible{NB}: {}",
                with_unit(target, unit)
            ),
            None => format!("Objectif{NB}: {title}"),
        }
    }

    fn target_line(&self, title: &str, target: Option<f64>, unit: Option<&str>) -> String {
        match target {
            Some(target) => format!("Cible{NB}: {} — {title}", with_unit(target, unit)),
            None => title.to_owned(),
        }
    }

    fn leads(&self, names: &[&str]) -> String {
        format!("Chef de file{NB}: {}", names.join(", "))
    }

    fn lead_candidates(&self, names: &[&str]) -> String {
        let who = if names.is_empty() {
            self.map_label(Label::ToBeNamed).to_owned()
        } else {
            names.join(", ")
        };
        format!("{} {who}", self.map_label(Label::NoLead))
    }

    fn continued(&self, domain: &str) -> String {
        format!("{domain} (suite)")
    }

    fn overview_title(&self, territory: &str, programme: Option<&str>) -> String {
        match programme {
            Some(p) => format!("{territory} · {p}{NB}: vue d'ensemble"),
            None => format!("{territory}{NB}: vue d'ensemble"),
        }
    }

    fn matrix_title(&self, territory: &str) -> String {
        format!("{territory}{NB}: qui fait quoi")
    }

    fn letter(&self, role: Role) -> &'static str {
        match role {
            Role::Lead => "CF",
            Role::LeadCandidate => "CF?",
            Role::Prescriber => "P",
            Role::Funder => "F",
            Role::Support => "A",
            Role::Target => "C",
            Role::Relay => "R",
        }
    }

    fn letter_legend(&self, role: Role) -> String {
        format!("{} = {}", self.letter(role), self.role(role))
    }

    fn column_without_lead(&self, domain: &str) -> String {
        format!("{domain} · CF{NB}?")
    }

    fn status_title(&self, as_of: Option<Date>, conditions: Standing) -> String {
        let at = as_of
            .map(|d| format!(" au {}", self.date(d)))
            .unwrap_or_default();
        format!(
            "État d'avancement{at} · Bonus année 3{NB}: conditions {}",
            conditions.conditions_word(Lang::Fr)
        )
    }

    fn amounts(&self, flat_aid: Option<f64>, bonus: Option<f64>, total: Option<f64>) -> String {
        let amount = |v: Option<f64>| {
            v.map_or_else(
                || self.map_label(Label::Unknown).to_owned(),
                |v| self.euros(v),
            )
        };
        format!(
            "Aide forfaitaire (années 1 et 2){NB}: {} · bonus année 3 en jeu{NB}: {} · total en jeu{NB}: {}",
            amount(flat_aid),
            amount(bonus),
            amount(total)
        )
    }

    fn chart_conditions(&self, c: &Conditions) -> String {
        let mut s = format!(
            "Conditions du bonus{NB}: chaque objectif à {} de sa cible au moins, les objectifs prioritaires à {}",
            self.percent(c.min),
            self.percent(c.priority)
        );
        let mut counts = Vec::new();
        if c.below > 0 {
            let on_track = Standing::OnTrack.word(Lang::Fr);
            let mut count = format!("{} sous le seuil", c.below);
            if c.on_track == c.below {
                count.push_str(&format!(" (tous {on_track})"));
            } else if c.on_track > 0 {
                count.push_str(&format!(" (dont {} {on_track})", c.on_track));
            }
            counts.push(count);
        }
        if c.unknown > 0 {
            counts.push(format!("{} sans valeur ou sans cible", c.unknown));
        }
        if !counts.is_empty() {
            s.push_str(" — ");
            s.push_str(&counts.join(", "));
        }
        if !c.undated.is_empty() {
            s.push_str(&format!(
                " (valeurs non datées ignorées{NB}: {})",
                c.undated.join(", ")
            ));
        }
        s
    }

    fn value_label(&self, value: Option<f64>, target: Option<f64>, unit: Option<&str>) -> String {
        let unknown = self.map_label(Label::UnknownValue);
        let no_target = self.map_label(Label::NoTargetGiven);
        match (value, target) {
            (Some(v), Some(t)) => format!("{} / {}", number(v), with_unit(t, unit)),
            (Some(v), None) => format!("{} · {no_target}", with_unit(v, unit)),
            (None, Some(t)) => format!("{unknown} · cible{NB}: {}", with_unit(t, unit)),
            (None, None) => format!("{unknown} · {no_target}"),
        }
    }

    fn projection(&self, date: Date, ratio: f64, reached: bool) -> String {
        let verdict = if reached { "atteint" } else { "sous le seuil" };
        format!(
            "projection au {}{NB}: {} ({verdict})",
            self.date(date),
            self.percent(ratio)
        )
    }

    fn threshold(&self, ratio: f64) -> String {
        format!("seuil {}", self.percent(ratio))
    }

    fn threshold_mark(&self, ratio: f64) -> String {
        format!("{} · seuil", self.percent(ratio))
    }

    fn priority_mark(&self, ratio: f64) -> String {
        format!("{} · prioritaires", self.percent(ratio))
    }

    fn governance_title(&self, territory: &str) -> String {
        format!("{territory}{NB}: gouvernance locale")
    }

    fn chaired_by(&self, chair: &str) -> String {
        format!("animé par {chair}")
    }

    fn links_title(&self, territory: &str) -> String {
        format!("{territory}{NB}: liens entre domaines")
    }

    fn coverage_title(&self, territory: &str) -> String {
        format!("{territory}{NB}: couverture du périmètre")
    }

    fn action_by(&self, title: &str, bearers: &[&str], status: Option<ActionStatus>) -> String {
        let mut s = title.to_owned();
        if !bearers.is_empty() {
            s.push_str(&format!(" ({})", bearers.join(", ")));
        }
        if let Some(status) = status {
            s.push_str(&format!(" – {}", self.action_status(status)));
        }
        s
    }

    fn means_line(&self, means: Means, names: &[&str]) -> String {
        format!("{}{NB}: {}", self.means(means), names.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::i18n::Lang;
    use crate::layout::words::Conditions;
    use crate::model::Role;
    use crate::status::Standing;

    /// `s` with `~` for each no-break space.
    fn show(s: String) -> String {
        s.replace('\u{a0}', "~")
    }

    #[test]
    fn titles_and_lines_read_as_french() {
        let fr = Lang::Fr.catalog();
        assert_eq!(fr.page("Matrice", 1, 2), "Matrice (1/2)");
        assert_eq!(show(fr.actor_title("ADEME")), "ADEME~: ses rôles");
        assert_eq!(
            show(fr.objective_line("Haies", Some(1500.5), Some("km"))),
            "Objectif~: Haies — cible~: 1~500,5~km"
        );
        assert_eq!(
            show(fr.target_line("Haies", Some(0.25), None)),
            "Cible~: 0,25 — Haies"
        );
        assert_eq!(fr.target_line("Haies", None, Some("km")), "Haies");
        assert_eq!(show(fr.lead_candidates(&[])), "Chef de file~? à désigner");
        assert_eq!(show(fr.role_gap(Role::Target)), "Cibles~?");
        assert_eq!(show(fr.more(1)), "+~1~autre");
        assert_eq!(show(fr.more(12)), "+~12~autres");
        assert_eq!(fr.actors(1), "1 acteur");
        assert_eq!(fr.actors(3), "3 acteurs");
        assert_eq!(fr.letter_legend(Role::Lead), "CF = chef de file");
        assert_eq!(
            show(fr.overview_title("Calaisis", Some("COT TRI"))),
            "Calaisis · COT TRI~: vue d'ensemble"
        );
    }

    /// Every label and a sample of every text with data keep French typography.
    #[test]
    fn no_plain_space_where_french_wants_a_no_break_one() {
        let fr = Lang::Fr.catalog();
        let mut texts: Vec<String> = crate::layout::words::LABELS
            .iter()
            .map(|l| fr.map_label(*l).to_owned())
            .collect();
        let undated = ["haies".to_owned()];
        texts.extend([
            fr.page("Matrice", 1, 2),
            fr.actor_title("ADEME"),
            fr.names_after(crate::layout::words::Label::MemberOf, &["Les 3 EPCI"]),
            fr.via("Les 3 EPCI"),
            fr.related(&["DC5".to_owned()]),
            fr.objectives(12),
            fr.actors(3),
            fr.more(2),
            fr.candidate("SEVADEC"),
            fr.role_gap(Role::Funder),
            fr.objective_line("Haies", Some(1500.0), Some("km")),
            fr.target_line("Haies", Some(1500.0), Some("km")),
            fr.leads(&["SEVADEC"]),
            fr.lead_candidates(&["SEVADEC", "SyMPaC"]),
            fr.lead_candidates(&[]),
            fr.continued("DC3"),
            fr.overview_title("Calaisis", Some("COT TRI")),
            fr.overview_title("Calaisis", None),
            fr.matrix_title("Calaisis"),
            fr.letter_legend(Role::LeadCandidate),
            fr.column_without_lead("DC3"),
            fr.status_title(Some(date(2023, 6, 30)), Standing::OnTrack),
            fr.amounts(Some(1.0), Some(2.0), None),
            fr.chart_conditions(&Conditions {
                min: 0.6,
                priority: 1.0,
                below: 1,
                on_track: 1,
                unknown: 1,
                undated: &undated,
            }),
            fr.value_label(None, Some(1.0), Some("%")),
            fr.value_label(Some(1.0), None, None),
            fr.projection(date(2023, 12, 31), 0.5, false),
            fr.threshold(0.6),
            fr.threshold_mark(0.6),
            fr.priority_mark(1.0),
            fr.coverage_title("Calaisis"),
            fr.governance_title("Calaisis"),
            fr.chaired_by("SyMPaC"),
            fr.links_title("Calaisis"),
            fr.action_by(
                "Assises",
                &["GCT&M"],
                Some(crate::model::ActionStatus::Ongoing),
            ),
        ]);
        let plain = [" :", " ;", " ?", " !", " %", " €", " »", "« "];
        let bad: Vec<&String> = texts
            .iter()
            .filter(|t| plain.iter().any(|p| t.contains(p)))
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn the_status_chart_writes_french_numbers_and_dates() {
        let fr = Lang::Fr.catalog();
        assert_eq!(
            show(fr.status_title(Some(date(2023, 6, 30)), Standing::Behind)),
            "État d'avancement au 30/06/2023 · Bonus année 3~: conditions en retard"
        );
        assert_eq!(
            show(fr.status_title(None, Standing::Met)),
            "État d'avancement · Bonus année 3~: conditions remplies"
        );
        assert_eq!(
            show(fr.amounts(Some(270000.0), None, Some(422371.0))),
            "Aide forfaitaire (années 1 et 2)~: 270~000~€ · bonus année 3 en jeu~: inconnu · total en jeu~: 422~371~€"
        );
        let undated = ["haies".to_owned()];
        assert_eq!(
            show(fr.chart_conditions(&Conditions {
                min: 0.6,
                priority: 1.0,
                below: 2,
                on_track: 1,
                unknown: 1,
                undated: &undated,
            })),
            "Conditions du bonus~: chaque objectif à 60~% de sa cible au moins, les objectifs prioritaires à 100~% — 2 sous le seuil (dont 1 en bonne voie), 1 sans valeur ou sans cible (valeurs non datées ignorées~: haies)"
        );
        assert_eq!(
            show(fr.value_label(Some(12.5), Some(50.0), Some("km"))),
            "12,5 / 50~km"
        );
        assert_eq!(
            show(fr.value_label(None, Some(50.0), None)),
            "valeur inconnue · cible~: 50"
        );
        assert_eq!(
            show(fr.projection(date(2023, 12, 31), 1.3149, true)),
            "projection au 31/12/2023~: 131,4~% (atteint)"
        );
        assert_eq!(show(fr.threshold_mark(0.6)), "60~% · seuil");
    }
}
