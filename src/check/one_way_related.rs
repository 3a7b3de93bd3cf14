//! `one-way-related`: domain A names B as related but B does not name A.

use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;

pub static RULE: Rule = Rule {
    name: "one-way-related",
    severity: Severity::Info,
    summary: "a domain that names other domains as related (\"Liens DC 3, DC 4\") when they do not name it back",
    why: "links between domains are where actions are pooled; a link written on one page only is either forgotten on the other page or not agreed by the other domain's actors",
    example: "domain DC1 lists DC3 among its links, but DC3 lists DC5, DC7 and DC9 only",
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for domain in territory.domains() {
        let one_way: Vec<&str> = domain
            .related
            .iter()
            .filter(|other| {
                territory
                    .domain(other)
                    .is_some_and(|o| !o.related.contains(&domain.id))
            })
            .map(String::as_str)
            .collect();
        if one_way.is_empty() {
            continue;
        }
        let list = one_way.join(", ");
        let mut f = cx.finding(if one_way.len() == 1 {
            format!(
                "domain {} \"{}\" names {list} as related but {list} does not name it back",
                domain.id, domain.name
            )
        } else {
            format!(
                "domain {} \"{}\" names {list} as related but they do not name it back",
                domain.id, domain.name
            )
        });
        f.domains.push(domain.id.clone());
        f.domains.extend(one_way.iter().map(|id| (*id).to_owned()));
        f.location = Some(domain.origin.clone());
        f.hint = Some(format!(
            "add {} to the related domains of {list}, or remove {list} from those of {}",
            domain.id, domain.id
        ));
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};

    #[test]
    fn links_written_on_one_side_only_are_reported() {
        let t = territory(
            r#"{
            "domains": [
                {"id": "DC1", "name": "Bâtiment", "related": "DC 3, DC 4, DC 6"},
                {"id": "DC3", "name": "Économie circulaire", "related": "DC6"},
                {"id": "DC4", "name": "ENR", "related": "DC1"},
                {"id": "DC6", "name": "Air", "related": "DC3"}
            ]
        }"#,
        );
        let f = findings_of(&RULE, &t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "domain DC1 \"Bâtiment\" names DC3, DC6 as related but they do not name it back"
        );
        assert_eq!(f[0].domains, ["DC1", "DC3", "DC6"]);
    }
}
