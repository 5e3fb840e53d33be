//! The membership fee (Law No. 207-V, Art. 10(1)(4-2); schedule in
//! data/fees.toml, MRP in data/mrp.toml).
use astana_hub_portal::domain::fees::{
    FeeBase, FeeError, FeeInput, FeeSchedule, calculate, calculate_with, mrp, schedule,
};
use astana_hub_portal::domain::money::{MAX_TENGE, Tiyn};
use astana_hub_portal::domain::params::Param;
use chrono::NaiveDate;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn year(year: i32, total_tenge: i64) -> FeeInput {
    FeeInput {
        year,
        total_income: Tiyn::from_tenge(total_tenge),
        priority_income: None,
        participation_start: None,
        participation_end: None,
    }
}

/// Every reason's message exists in three languages and has a value for each placeholder.
fn assert_explained(reasons: &[astana_hub_portal::domain::decision::Reason]) {
    use astana_hub_portal::i18n::{Lang, lookup};
    for r in reasons {
        for lang in Lang::ALL {
            let text = lookup(lang, &r.message_key)
                .unwrap_or_else(|| panic!("{} has no {lang:?} text", r.message_key));
            for (name, _) in &r.values {
                assert!(
                    text.contains(&format!("{{{name}}}")),
                    "{} lacks {{{name}}}",
                    r.message_key
                );
            }
        }
    }
}

#[test]
fn art_10_1_4_2_fee_is_one_percent_of_total_income() {
    let r = calculate(&year(2025, 100_000_000)).unwrap();
    assert_eq!(r.outcome.total, Tiyn::from_tenge(1_000_000));
    assert_eq!(r.outcome.base_kind, FeeBase::TotalIncome);
    assert_eq!(r.outcome.instalments, vec![Tiyn::from_tenge(1_000_000)]);
    assert!(r.indicative, "the schedule is uncertain");
    let ids: Vec<&str> = r.reasons.iter().map(|r| r.rule_id.as_str()).collect();
    for id in ["fees.membership", "fees.base", "fees.rate", "fees.rounding"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(r.outcome.lines.iter().all(|l| !l.rule_id.is_empty()));
}

#[test]
fn art_10_1_4_2_zero_income_pays_nothing() {
    let r = calculate(&year(2025, 0)).unwrap();
    assert_eq!(r.outcome.total, Tiyn::ZERO);
}

#[test]
fn art_10_1_4_2_rounding_half_up_to_the_tiyn() {
    // 0.50 tenge × 1 % = 0.5 tiyn → 1 tiyn; 0.49 tenge → 0.49 tiyn → 0.
    let mut input = year(2025, 0);
    input.total_income = Tiyn(50);
    assert_eq!(calculate(&input).unwrap().outcome.total, Tiyn(1));
    input.total_income = Tiyn(49);
    assert_eq!(calculate(&input).unwrap().outcome.total, Tiyn(0));
}

#[test]
fn art_10_1_4_2_part_year_is_pro_rata_by_days() {
    // 2025 has 365 days; registered on 1 July: 184 days.
    let mut input = year(2025, 365_000_000);
    input.participation_start = Some(d("2025-07-01"));
    let r = calculate(&input).unwrap();
    assert_eq!(r.outcome.days_participating, 184);
    assert_eq!(r.outcome.total, Tiyn::from_tenge(1_840_000));
    assert!(r.reasons.iter().any(|r| r.rule_id == "fees.part_year"));
    assert_explained(&r.reasons);
    // Leap year: 2028 has 366 days; one day of participation.
    let mut input = year(2028, 366_000);
    input.participation_start = Some(d("2028-02-29"));
    input.participation_end = Some(d("2028-02-29"));
    assert_eq!(
        calculate(&input).unwrap().outcome.total,
        Tiyn::from_tenge(10)
    );
}

#[test]
fn art_10_1_4_2_income_of_10_15_tenge_does_not_overflow() {
    let r = calculate(&year(2025, MAX_TENGE)).unwrap();
    assert_eq!(r.outcome.total, Tiyn::from_tenge(MAX_TENGE / 100));
    let mut too_big = year(2025, 0);
    too_big.total_income = Tiyn(i64::MAX);
    assert_eq!(calculate(&too_big).unwrap_err(), FeeError::IncomeTooLarge);
}

#[test]
fn art_10_1_4_2_input_errors() {
    let mut i = year(2025, 100);
    i.priority_income = Some(Tiyn::from_tenge(200));
    assert_eq!(calculate(&i).unwrap_err(), FeeError::PriorityAboveTotal);
    let mut i = year(2025, 100);
    i.total_income = Tiyn(-1);
    assert_eq!(calculate(&i).unwrap_err(), FeeError::NegativeIncome);
    let mut i = year(2025, 100);
    i.participation_start = Some(d("2024-12-31"));
    assert_eq!(
        calculate(&i).unwrap_err(),
        FeeError::ParticipationOutsideYear { year: 2025 }
    );
    let mut i = year(2025, 100);
    i.participation_start = Some(d("2025-05-02"));
    i.participation_end = Some(d("2025-05-01"));
    assert_eq!(
        calculate(&i).unwrap_err(),
        FeeError::ParticipationEndsBeforeStart
    );
    assert_eq!(
        calculate(&year(2023, 100)).unwrap_err(),
        FeeError::YearNotCovered { year: 2023 }
    );
}

/// The embedded schedule with a floor and a cap, as an operator might add them.
fn with_limits(floor: u32, cap: u32) -> FeeSchedule {
    let mut s = schedule().clone();
    let limit = |n: u32| Param {
        label: "fees.param.floor".to_owned(),
        values: [(d("2024-01-01"), n)].into(),
        ..s.instalments.clone()
    };
    s.floor_mrp = Some(limit(floor));
    s.cap_mrp = Some(limit(cap));
    s
}

#[test]
fn art_10_1_4_2_floor_and_cap_in_mrp_of_the_year() {
    let s = with_limits(10, 1000);
    // 2026: MRP 4 325 tenge. Floor 43 250, cap 4 325 000 tenge.
    let low = calculate_with(&s, mrp(), &year(2026, 1_000)).unwrap();
    assert_eq!(low.outcome.total, Tiyn::from_tenge(43_250));
    assert_explained(&low.reasons);
    assert!(low.reasons.iter().any(|r| r.rule_id == "fees.floor"));
    let high = calculate_with(&s, mrp(), &year(2026, 1_000_000_000)).unwrap();
    assert_eq!(high.outcome.total, Tiyn::from_tenge(4_325_000));
    assert!(high.outcome.lines.iter().any(|l| l.rule_id == "fees.cap"));
    assert_explained(&high.reasons);
    // 2024: MRP 3 692.
    let low = calculate_with(&s, mrp(), &year(2024, 0)).unwrap();
    assert_eq!(low.outcome.total, Tiyn::from_tenge(36_920));
    // 2027: no MRP in the data yet.
    assert_eq!(
        calculate_with(&s, mrp(), &year(2027, 1_000)).unwrap_err(),
        FeeError::MrpNotCovered { year: 2027 }
    );
}

#[test]
fn art_10_1_4_2_priority_income_base_and_instalments() {
    let mut s = schedule().clone();
    s.base.values = [(d("2024-01-01"), FeeBase::PriorityIncome)].into();
    s.instalments.values = [(d("2024-01-01"), 4)].into();
    let mut i = year(2025, 1_000_000);
    i.priority_income = Some(Tiyn::from_tenge(100_001));
    let r = calculate_with(&s, mrp(), &i).unwrap();
    assert_eq!(r.outcome.total, Tiyn(100_001));
    assert_eq!(
        r.outcome.instalments,
        vec![Tiyn(25_000), Tiyn(25_000), Tiyn(25_000), Tiyn(25_001)]
    );
}

proptest! {
    #[test]
    fn fee_is_monotonic_in_income(a in 0i64..=MAX_TENGE * 100, b in 0i64..=MAX_TENGE * 100) {
        let (lo, hi) = (a.min(b), a.max(b));
        let fee = |t: i64| {
            let mut i = year(2025, 0);
            i.total_income = Tiyn(t);
            calculate(&i).unwrap().outcome.total
        };
        prop_assert!(fee(lo) <= fee(hi));
    }

    #[test]
    fn fee_is_never_negative_and_never_panics(
        total in any::<i64>(),
        priority in any::<i64>(),
        y in 1900i32..2200,
        start in 0u32..400,
        len in 0u32..400,
    ) {
        let s = with_limits(5, 50);
        let jan1 = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        let begin = jan1 + chrono::Days::new(u64::from(start));
        let input = FeeInput {
            year: y,
            total_income: Tiyn(total),
            priority_income: Some(Tiyn(priority)),
            participation_start: Some(begin),
            participation_end: Some(begin + chrono::Days::new(u64::from(len))),
        };
        if let Ok(r) = calculate_with(&s, mrp(), &input) {
            prop_assert!(r.outcome.total >= Tiyn::ZERO);
            let sum: i64 = r.outcome.instalments.iter().map(|t| t.0).sum();
            prop_assert_eq!(sum, r.outcome.total.0);
        }
    }
}
