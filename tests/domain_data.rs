//! Every data file parses and every value is sane: dates in order, rates within bounds, no empty
//! label, every label and message key present in all three languages.
use astana_hub_portal::domain::acceleration::catalogue_data;
use astana_hub_portal::domain::calendar::holiday_data;
use astana_hub_portal::domain::decision::Citation;
use astana_hub_portal::domain::eligibility::{activity_data, eligibility_data};
use astana_hub_portal::domain::fees::{mrp, schedule};
use astana_hub_portal::domain::params::{Param, rules};
use astana_hub_portal::domain::timeline::timeline_data;
use astana_hub_portal::domain::visa::visa_data;
use astana_hub_portal::i18n::{Lang, lookup};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;

fn has_texts(key: &str) {
    assert!(!key.is_empty(), "empty label");
    for lang in Lang::ALL {
        assert!(lookup(lang, key).is_some(), "`{key}` has no {lang:?} text");
    }
}

fn sane_citation(c: &Citation, what: &str) {
    assert!(!c.source.trim().is_empty(), "{what}: empty citation");
}

fn sane_param<T>(name: &str, p: &Param<T>) {
    has_texts(&p.label);
    sane_citation(&p.citation, name);
    assert!(!p.values.is_empty(), "{name}: no values");
    let first = *p.values.keys().next().unwrap();
    assert_eq!(
        first, p.effective_from,
        "{name}: first value must start at effective_from"
    );
    if let Some(until) = p.until {
        assert!(
            until > p.effective_from,
            "{name}: until before effective_from"
        );
        assert!(
            p.values.keys().all(|d| *d < until),
            "{name}: value dated after until"
        );
    }
}

#[test]
fn rules_file_parses_with_unique_ids() {
    let mut seen = BTreeSet::new();
    assert!(!rules().is_empty());
    for r in rules() {
        assert!(seen.insert(r.id.clone()), "rule `{}` twice", r.id);
        sane_citation(&r.citation, &r.id);
        assert!(!r.summary.trim().is_empty(), "{}: empty summary", r.id);
    }
}

#[test]
fn holidays_file_is_sane() {
    let h = holiday_data();
    has_texts(&h.label);
    sane_citation(&h.citation, "holidays");
    let years: Vec<i32> = h.years.iter().map(|y| y.year).collect();
    let expected: Vec<i32> = (h.first_year..=h.last_year).collect();
    assert_eq!(years, expected, "one entry per covered year, in order");
    assert!(h.first_year <= 2024 && h.last_year >= 2028);
    for f in &h.fixed {
        has_texts(&f.name);
        // A common year: a fixed holiday must exist every year, so never on 29 February.
        assert!(
            NaiveDate::from_ymd_opt(2025, f.month, f.day).is_some(),
            "{f:?}"
        );
    }
    for y in &h.years {
        assert_eq!(y.kurban_ait.year(), y.year);
        for d in y.extra_days_off.iter().chain(&y.extra_working_days) {
            assert_eq!(d.year(), y.year, "transfer {d} filed under {}", y.year);
        }
        let moved = !y.extra_days_off.is_empty() || !y.extra_working_days.is_empty();
        assert_eq!(
            moved,
            y.transfers_source.as_ref().is_some_and(|s| !s.is_empty()),
            "{}: a transfer names its act, and only a transfer",
            y.year
        );
    }
}

#[test]
fn timeline_file_is_sane() {
    let t = timeline_data();
    sane_param("moderation_working_days", &t.moderation_working_days);
    sane_param("commission_working_days", &t.commission_working_days);
    for v in t
        .moderation_working_days
        .values
        .values()
        .chain(t.commission_working_days.values.values())
    {
        assert!((1..=60).contains(v));
    }
}

#[test]
fn fee_schedule_and_mrp_are_sane() {
    let s = schedule();
    sane_param("rate_basis_points", &s.rate_basis_points);
    sane_param("base", &s.base);
    sane_param("instalments", &s.instalments);
    for rate in s.rate_basis_points.values.values() {
        assert!(*rate <= 10_000, "rate above 100 %");
    }
    for n in s.instalments.values.values() {
        assert!((1..=12).contains(n));
    }
    for limit in [&s.floor_mrp, &s.cap_mrp].into_iter().flatten() {
        sane_param("floor/cap", limit);
    }
    let m = mrp();
    sane_param("mrp", m);
    for (year, value) in [(2024, 3692), (2025, 3932), (2026, 4325)] {
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        assert_eq!(m.at(jan1), Some(&value), "MRP {year}");
    }
    assert!(m.values.values().all(|v| *v > 0));
}

#[test]
fn eligibility_and_activity_files_are_sane() {
    let e = eligibility_data();
    sane_param("entity_types", &e.entity_types);
    sane_param(
        "general_tax_regime_required",
        &e.general_tax_regime_required,
    );
    sane_param(
        "priority_income_share_percent",
        &e.priority_income_share_percent,
    );
    sane_param(
        "income_share_bars_registration",
        &e.income_share_bars_registration,
    );
    sane_param("older_criteria", &e.older_criteria);
    assert_eq!(
        e.priority_income_share_percent.until,
        NaiveDate::from_ymd_opt(2029, 1, 1)
    );
    assert!(
        e.priority_income_share_percent
            .values
            .values()
            .all(|p| *p <= 100)
    );
    for list in e.entity_types.values.values() {
        assert_eq!(list.len(), 11, "Art. 7(2)(2) names eleven kinds");
        list.iter()
            .for_each(|id| has_texts(&format!("eligibility.entity.{id}")));
    }
    for list in e.older_criteria.values.values() {
        list.iter()
            .for_each(|c| has_texts(&format!("eligibility.older.{}", c.id)));
    }
    let a = activity_data();
    sane_param("priority", &a.priority);
    sane_param("non_compliant", &a.non_compliant);
    for list in a.priority.values.values() {
        assert!(list.len() >= 10);
        list.iter()
            .for_each(|id| has_texts(&format!("activities.priority.{id}")));
    }
    for list in a.non_compliant.values.values() {
        list.iter()
            .for_each(|id| has_texts(&format!("activities.non_compliant.{id}")));
    }
    let ids: BTreeSet<&String> = a.priority.values.values().flatten().collect();
    assert!(
        a.non_compliant
            .values
            .values()
            .flatten()
            .all(|id| !ids.contains(id))
    );
}

#[test]
fn programme_catalogue_is_sane() {
    let c = catalogue_data();
    has_texts(&c.label);
    sane_citation(&c.citation, "programmes");
    let mut ids = BTreeSet::new();
    for p in &c.programmes {
        assert!(ids.insert(p.id.clone()), "programme {} twice", p.id);
        assert!(!p.name.trim().is_empty());
        has_texts(&p.description);
        assert!(
            !p.applicant_kinds.is_empty() || p.unincorporated_team_allowed,
            "{}",
            p.id
        );
        assert!(!p.stages.is_empty() && p.min_team_size >= 1, "{}", p.id);
        assert!(
            p.languages
                .iter()
                .all(|l| ["kk", "ru", "en"].contains(&l.as_str()))
        );
        assert!(!p.cohorts.is_empty(), "{}", p.id);
        for k in &p.cohorts {
            assert!(ids.insert(k.id.clone()), "cohort {} twice", k.id);
            assert!(
                k.opens <= k.deadline && k.deadline <= k.starts && k.starts < k.ends,
                "{}",
                k.id
            );
            assert!(k.seats > 0 && k.seats_taken <= k.seats, "{}", k.id);
        }
    }
}

#[test]
fn visa_file_is_sane() {
    let v = visa_data();
    sane_param("passport_margin_months", &v.passport_margin_months);
    sane_param("filing_earliest_days", &v.filing_earliest_days);
    sane_param("filing_latest_working_days", &v.filing_latest_working_days);
    sane_param("child_max_age", &v.child_max_age);
    for ids in ["trainee", "actor_employee", "fund_employee"] {
        let c = v.categories.iter().find(|c| c.id == ids).expect(ids);
        has_texts(&c.label);
        sane_citation(&c.citation, ids);
        assert!(
            c.max_years.is_none_or(|y| (1..=5).contains(&y)),
            "Art. 7-1(2): up to five years"
        );
    }
    let earliest = v.filing_earliest_days.values.values().next().unwrap();
    let latest = v.filing_latest_working_days.values.values().next().unwrap();
    assert!(earliest > latest, "the window is not empty");
}

/// No rule reads the clock: every evaluation takes its date as an argument.
#[test]
fn domain_never_reads_the_clock() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for banned in ["Local::now", "Utc::now", "SystemTime", "Instant::now"] {
                assert!(!text.contains(banned), "{} uses {banned}", path.display());
            }
        }
    }
}
