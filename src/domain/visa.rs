//! Visa invitations: trainees of the Fund's programmes (Law No. 207-V, Art. 8-1(5-5)),
//! employees of Astana Hub actors or of the Fund and their families (Art. 7-1(2)), with the
//! employer's qualification documents (Art. 7-1(4)), extension without leaving the country
//! (Art. 7-1(5)) and collection at a consulate or an international airport (Art. 7-1(1)).
//!
//! Limits and windows are in `data/visa.toml`. Dates, decided once:
//! - the latest visa end a passport allows is its expiry date minus the margin in months
//!   (chrono clamps to the month's end: 31 May minus 3 months is 28 or 29 February);
//! - filing window: from `entry − 90 calendar days` to the 5th working day before entry
//!   (counting back from the entry date, which is not counted), both days included;
//! - ages are full years on the entry date; someone born on 29 February turns a year older on
//!   1 March in a common year;
//! - a visa of at most five years ends the day before the fifth anniversary of entry, the same
//!   way: entering on 29 February 2028, it can end on 28 February 2033;
//! - the intended stay counts the entry day, so 90 days from 15 April end on 13 July.
//!
//! Names: ICAO Doc 9303 writes names in the machine readable zone with the letters A–Z only;
//! spaces and hyphens become the filler `<` and apostrophes are dropped. Here a name is
//! accepted when it has only A–Z and spaces (lower case is accepted and upper-cased); any other
//! character is refused with a suggestion: hyphens become spaces, apostrophes are dropped,
//! Kazakh and Russian Cyrillic letters are transliterated and Latin letters with diacritics
//! written as Doc 9303 Part 3's table of multinational Latin characters does (Ä → AE, Ø → OE,
//! ß → SS, accents dropped), by [`to_mrz_latin`]. The passport itself is authoritative: the
//! suggestion is only a hint.

use crate::domain::calendar::{CalendarError, add_working_days};
use crate::domain::countries::is_foreign;
use crate::domain::decision::{Citation, Confidence, Decision, Effect, Reason, values};
use crate::domain::params::{Param, parse, reason};
use crate::json::{FromJson, Json, Members, ReadError};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The legal basis of the invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisaRoute {
    /// Training under a Fund programme, Art. 8-1(5-5).
    Trainee,
    /// Employee of an Astana Hub actor, Art. 7-1(2).
    ActorEmployee,
    /// Employee of the Fund, Art. 7-1(1) and (2).
    FundEmployee,
}

impl VisaRoute {
    fn category_id(self) -> &'static str {
        match self {
            VisaRoute::Trainee => "trainee",
            VisaRoute::ActorEmployee => "actor_employee",
            VisaRoute::FundEmployee => "fund_employee",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    Consulate,
    Airport,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Spouse,
    Child,
    Dependant,
}

/// A person as in their passport.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub surname: String,
    pub given_names: String,
    #[serde(with = "crate::iso_date")]
    pub date_of_birth: NaiveDate,
    /// ISO 3166-1 alpha-2.
    pub citizenship: String,
    pub passport_number: String,
    #[serde(with = "crate::iso_date")]
    pub passport_issued: NaiveDate,
    #[serde(with = "crate::iso_date")]
    pub passport_expiry: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FamilyMember {
    pub relation: Relation,
    pub person: Person,
    /// Documents proving the dependency (needed for a dependant).
    pub supporting_document: bool,
    #[serde(with = "crate::iso_date")]
    pub visa_end: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationRequest {
    pub route: VisaRoute,
    pub person: Person,
    /// Planned entry; for an extension, the first day of the extended visa.
    #[serde(with = "crate::iso_date")]
    pub entry_date: NaiveDate,
    /// Days the person means to stay from the entry date, the entry day included.
    pub stay_days: u32,
    #[serde(with = "crate::iso_date")]
    pub visa_end: NaiveDate,
    /// First and last day of the employment contract or of the programme.
    #[serde(with = "crate::iso_date")]
    pub engagement_start: NaiveDate,
    #[serde(with = "crate::iso_date")]
    pub engagement_end: NaiveDate,
    pub qualification_documents_held: bool,
    /// Extension without leaving Kazakhstan (Art. 7-1(5)).
    pub extension: bool,
    pub collection: Collection,
    pub family: Vec<FamilyMember>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationOutcome {
    CanFile,
    CannotFile,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VisaCategory {
    pub id: String,
    pub label: String,
    pub citation: Citation,
    pub confidence: Confidence,
    pub max_years: Option<u32>,
    pub family: bool,
    pub extension: bool,
    pub airport: bool,
    pub qualification_documents: bool,
}

impl FromJson for VisaCategory {
    fn from_json(value: &Json) -> Result<VisaCategory, ReadError> {
        let members = Members::of(value)?;
        Ok(VisaCategory {
            id: members.required("id")?,
            label: members.required("label")?,
            citation: members.required("citation")?,
            confidence: members.required("confidence")?,
            max_years: members.optional("max_years")?,
            family: members.required("family")?,
            extension: members.required("extension")?,
            airport: members.required("airport")?,
            qualification_documents: members.required("qualification_documents")?,
        })
    }
}

/// `data/visa.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VisaData {
    pub passport_margin_months: Param<u32>,
    pub filing_earliest_days: Param<u32>,
    pub filing_latest_working_days: Param<u32>,
    pub child_max_age: Param<u32>,
    pub categories: Vec<VisaCategory>,
}

impl FromJson for VisaData {
    fn from_json(value: &Json) -> Result<VisaData, ReadError> {
        let members = Members::of(value)?;
        Ok(VisaData {
            passport_margin_months: members.required("passport_margin_months")?,
            filing_earliest_days: members.required("filing_earliest_days")?,
            filing_latest_working_days: members.required("filing_latest_working_days")?,
            child_max_age: members.required("child_max_age")?,
            categories: members.required("categories")?,
        })
    }
}

pub fn visa_data() -> &'static VisaData {
    static DATA: OnceLock<VisaData> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "visa",
            include_str!(concat!(env!("OUT_DIR"), "/data/visa.json")),
        )
    })
}

/// The `years`-th anniversary of `date`; a 29 February falls on 1 March in a common year, as
/// in [`age_on`].
pub fn anniversary(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = date.year().checked_add(i32::try_from(years).ok()?)?;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Full years of age on `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// A name in the Latin letters of a machine readable zone, upper case: Kazakh and Russian
/// Cyrillic following ICAO Doc 9303 for Russian and the nearest Latin letter for Kazakh
/// letters; Latin letters with diacritics following Doc 9303 Part 3's table of multinational
/// Latin characters ([`latin_in_mrz`]). Hyphens become spaces; apostrophes and soft and hard
/// signs are dropped; anything else is kept so that the caller can report it.
pub fn to_mrz_latin(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let mapped = match capital(c) {
            'А' | 'Ә' => "A",
            'Б' => "B",
            'В' => "V",
            'Г' | 'Ғ' => "G",
            'Д' => "D",
            'Е' | 'Ё' | 'Э' => "E",
            'Ж' => "ZH",
            'З' => "Z",
            'И' | 'Й' | 'І' => "I",
            'К' | 'Қ' => "K",
            'Л' => "L",
            'М' => "M",
            'Н' | 'Ң' => "N",
            'О' | 'Ө' => "O",
            'П' => "P",
            'Р' => "R",
            'С' => "S",
            'Т' => "T",
            'У' | 'Ұ' | 'Ү' => "U",
            'Ф' => "F",
            'Х' => "KH",
            'Һ' => "H",
            'Ц' => "TS",
            'Ч' => "CH",
            'Ш' => "SH",
            'Щ' => "SHCH",
            'Ъ' => "IE",
            'Ы' => "Y",
            'Ь' | '\'' | '’' | 'ʼ' => "",
            'Ю' => "IU",
            'Я' => "IA",
            '-' | '‐' | '–' => " ",
            other => match latin_in_mrz(other) {
                Some(latin) => latin,
                None => {
                    out.push(other);
                    continue;
                }
            },
        };
        out.push_str(mapped);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The capital of a letter of Latin-1, Latin Extended-A or Cyrillic, by those blocks' pairing
/// of capital and small letters; any other character as it is. Names in the machine readable
/// zone need no other alphabet, and the general Unicode case table would add 13 KB to the page.
fn capital(c: char) -> char {
    let n = u32::from(c);
    let capital = match n {
        0x131 => u32::from('I'),
        0x17F => u32::from('S'),
        0xFF => 0x178,
        0x4CF => 0x4C0,
        0x61..=0x7A | 0xE0..=0xFE if n != 0xF7 => n - 0x20,
        0x430..=0x44F => n - 0x20,
        0x450..=0x45F => n - 0x50,
        // Pairs whose small letter is the odd code point.
        0x101..=0x137 | 0x14B..=0x177 | 0x461..=0x481 | 0x48B..=0x4BF | 0x4D1..=0x4FF
            if n % 2 == 1 =>
        {
            n - 1
        }
        // Pairs whose small letter is the even code point.
        0x13A..=0x148 | 0x17A..=0x17E | 0x4C2..=0x4CE if n % 2 == 0 => n - 1,
        _ => n,
    };
    char::from_u32(capital).unwrap_or(c)
}

/// An upper-case Latin letter with a diacritic (Latin-1 and Latin Extended-A) as Doc 9303
/// Part 3 writes it in the machine readable zone: the letter without its accent, except the
/// few the table spells out.
fn latin_in_mrz(upper: char) -> Option<&'static str> {
    Some(match upper {
        'Ä' | 'Æ' => "AE",
        'Å' => "AA",
        'Ö' | 'Ø' | 'Œ' => "OE",
        'Ü' => "UE",
        'ß' | 'ẞ' => "SS",
        'Þ' => "TH",
        'Ĳ' => "IJ",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ā' | 'Ă' | 'Ą' => "A",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'Ð' | 'Ď' | 'Đ' => "D",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'Ĥ' | 'Ħ' => "H",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'Ĵ' => "J",
        'Ķ' => "K",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' | 'Ŋ' => "N",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' => "S",
        'Ţ' | 'Ť' | 'Ŧ' => "T",
        'Ù' | 'Ú' | 'Û' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'Ŵ' => "W",
        'Ý' | 'Ŷ' | 'Ÿ' => "Y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}

/// `None` when the name is fit for the machine readable zone; otherwise a suggestion (empty
/// when no transliteration could be offered). The form asks this as the name is entered.
pub fn name_problem(name: &str) -> Option<String> {
    let fits = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic() || c == ' ');
    if fits(name) {
        return None;
    }
    let suggestion = to_mrz_latin(name);
    Some(if fits(&suggestion) {
        suggestion
    } else {
        String::new()
    })
}

/// Message key and values for a check made on the applicant (`member` is `None`) or on a
/// family member (numbered from 1): each has its own wording.
fn keyed(member: Option<usize>, name: &str) -> (String, Vec<(String, String)>) {
    match member {
        None => (format!("visa.reason.{name}"), Vec::new()),
        Some(n) => (
            format!("visa.reason.family.{name}"),
            values([("member", n.to_string())]),
        ),
    }
}

fn check_names(person: &Person, member: Option<usize>, failed: &mut Vec<Reason>) {
    if person.surname.trim().is_empty() {
        let (key, v) = keyed(member, "surname_missing");
        failed.push(reason("visa.names", &key, v));
    }
    for (field, name) in [
        ("surname", &person.surname),
        ("given_names", &person.given_names),
    ] {
        if let Some(suggestion) = name_problem(name.trim()) {
            let problem = if suggestion.is_empty() {
                "characters"
            } else {
                "suggestion"
            };
            let (key, mut v) = keyed(member, &format!("{field}_{problem}"));
            if !suggestion.is_empty() {
                v.push(("suggestion".to_owned(), suggestion));
            }
            failed.push(reason("visa.names", &key, v));
        }
    }
}

/// The passport number as the machine readable zone can hold it: Latin capitals and digits,
/// 5 to 20 of them (ICAO Doc 9303 keeps 9 in the number field and the rest in the optional
/// data; shorter numbers are not issued).
pub fn passport_number_fits(number: &str) -> bool {
    let n = number.trim();
    (5..=20).contains(&n.len())
        && n.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A reason resting on the category's own legal basis: the article of its route (Art. 7-1(2)
/// for employees, Art. 8-1(5-5) for trainees).
fn category_reason(category: &VisaCategory, key: &str, values: Vec<(String, String)>) -> Reason {
    Reason {
        rule_id: format!("visa.category.{}", category.id),
        citation: category.citation.clone(),
        message_key: key.to_owned(),
        values,
        confidence: category.confidence,
        effect: Effect::Applied,
    }
}

/// The person's citizenship and passport data as such: a foreigner (or stateless, `XX`) as
/// the category's article says, a known country, a number the zone can hold, born before the
/// passport was issued, issued by `as_of` and expiring after it was issued.
fn check_identity(
    category: &VisaCategory,
    person: &Person,
    member: Option<usize>,
    as_of: NaiveDate,
    failed: &mut Vec<Reason>,
) {
    let code = person.citizenship.trim();
    if !is_foreign(code) && !code.is_empty() {
        let (key, v) = keyed(member, "citizen");
        failed.push(category_reason(category, &key, v));
    } else if crate::domain::countries::country(code).is_none() {
        let (key, v) = keyed(member, "citizenship_unknown");
        failed.push(reason("visa.citizenship", &key, v));
    }
    if !passport_number_fits(&person.passport_number) {
        let (key, v) = keyed(member, "passport_number");
        failed.push(reason("visa.passport.data", &key, v));
    }
    let dates_in_order = person.date_of_birth <= person.passport_issued
        && person.passport_issued <= as_of
        && person.passport_issued < person.passport_expiry;
    if !dates_in_order {
        let (key, mut v) = keyed(member, "passport_dates");
        v.push(("today".to_owned(), as_of.to_string()));
        failed.push(reason("visa.passport.data", &key, v));
    }
}

fn check_passport(
    data: &VisaData,
    person: &Person,
    visa_end: NaiveDate,
    member: Option<usize>,
    as_of: NaiveDate,
    failed: &mut Vec<Reason>,
) {
    let margin = data.passport_margin_months.at(as_of).copied().unwrap_or(0);
    let latest = person
        .passport_expiry
        .checked_sub_months(Months::new(margin))
        .unwrap_or(NaiveDate::MIN);
    if visa_end > latest {
        let (key, mut v) = keyed(member, "passport_margin");
        v.push(("months".to_owned(), margin.to_string()));
        v.push(("latest_end".to_owned(), latest.to_string()));
        failed.push(
            data.passport_margin_months
                .reason("visa.passport_margin", &key, v),
        );
    }
}

/// Checks an invitation request filed on `as_of`. Errors only when the filing window needs
/// working days of a year the holiday table does not cover.
pub fn check_invitation(
    request: &InvitationRequest,
    as_of: NaiveDate,
) -> Result<Decision<InvitationOutcome>, CalendarError> {
    let data = visa_data();
    let category = data
        .categories
        .iter()
        .find(|c| c.id == request.route.category_id())
        .expect("each route has a category in data/visa.toml (checked by the data test)");
    // Every reason in `failed` is an unmet check: it refuses or warns by its confidence.
    let mut failed = Vec::new();
    let mut passed = vec![category_reason(category, &category.label, Vec::new())];

    // Validity.
    if request.visa_end <= request.entry_date {
        failed.push(reason(
            "visa.dates.order",
            "visa.reason.end_before_entry",
            Vec::new(),
        ));
    }
    if let Some(years) = category.max_years {
        let latest = anniversary(request.entry_date, years)
            .and_then(|d| d.checked_sub_days(Days::new(1)))
            .unwrap_or(NaiveDate::MAX);
        if request.visa_end > latest {
            failed.push(reason(
                "visa.validity.max",
                "visa.reason.max_years",
                values([
                    ("years", years.to_string()),
                    ("latest_end", latest.to_string()),
                ]),
            ));
        }
    }
    if request.engagement_end < request.engagement_start {
        failed.push(reason(
            "visa.dates.order",
            "visa.reason.engagement_order",
            Vec::new(),
        ));
    }
    // The stay, entry day included, must fit inside the visa.
    let stay_end = request
        .entry_date
        .checked_add_days(Days::new(u64::from(request.stay_days.max(1)) - 1))
        .unwrap_or(NaiveDate::MAX);
    if stay_end > request.visa_end {
        failed.push(reason(
            "visa.validity.stay",
            "visa.reason.stay_beyond_visa",
            values([("stay_end", stay_end.to_string())]),
        ));
    }
    if request.visa_end > request.engagement_end {
        failed.push(reason(
            "visa.validity.engagement",
            "visa.reason.beyond_engagement",
            values([("latest_end", request.engagement_end.to_string())]),
        ));
    }
    check_passport(
        data,
        &request.person,
        request.visa_end,
        None,
        as_of,
        &mut failed,
    );
    check_names(&request.person, None, &mut failed);
    check_identity(category, &request.person, None, as_of, &mut failed);

    if category.qualification_documents && !request.qualification_documents_held {
        failed.push(reason(
            "visa.qualification_documents",
            "visa.reason.qualification_documents",
            Vec::new(),
        ));
    }

    if request.extension {
        if category.extension {
            passed.push(reason(
                "visa.extension",
                "visa.reason.extension",
                Vec::new(),
            ));
        } else {
            failed.push(reason(
                "visa.extension",
                "visa.reason.no_extension",
                Vec::new(),
            ));
        }
    } else {
        // Filing window before entry.
        let earliest_days = data.filing_earliest_days.at(as_of).copied().unwrap_or(0);
        let latest_wd = data
            .filing_latest_working_days
            .at(as_of)
            .copied()
            .unwrap_or(0);
        let earliest = request
            .entry_date
            .checked_sub_days(Days::new(u64::from(earliest_days)))
            .unwrap_or(NaiveDate::MIN);
        let latest = add_working_days(request.entry_date, -(latest_wd as i32))?;
        let v = values([
            ("earliest", earliest.to_string()),
            ("latest", latest.to_string()),
        ]);
        if as_of < earliest {
            failed.push(data.filing_earliest_days.reason(
                "visa.filing_window",
                "visa.reason.too_early",
                v,
            ));
        } else if as_of > latest {
            failed.push(data.filing_latest_working_days.reason(
                "visa.filing_window",
                "visa.reason.too_late",
                values([("latest", latest.to_string())]),
            ));
        } else {
            passed.push(data.filing_latest_working_days.reason(
                "visa.filing_window",
                "visa.reason.in_window",
                v,
            ));
        }
        if request.collection == Collection::Airport && !category.airport {
            failed.push(reason(
                "visa.collection",
                "visa.reason.airport_fund_only",
                Vec::new(),
            ));
        }
    }

    for (i, member) in request.family.iter().enumerate() {
        let n = Some(i + 1);
        let who = ("member", (i + 1).to_string());
        if !category.family {
            // The category's own article gives no family visas (for trainees, Art. 8-1(5-5)
            // speaks of the trainee only; Art. 7-1(2) of employees' families).
            failed.push(category_reason(
                category,
                "visa.reason.no_family",
                values([who.clone()]),
            ));
            continue;
        }
        match member.relation {
            Relation::Spouse => {}
            Relation::Child => {
                let max = data.child_max_age.at(as_of).copied().unwrap_or(18);
                let age = age_on(member.person.date_of_birth, request.entry_date);
                if age >= max as i32 {
                    failed.push(data.child_max_age.reason(
                        "visa.family",
                        "visa.reason.child_age",
                        values([
                            who.clone(),
                            ("age", age.to_string()),
                            ("max", max.to_string()),
                        ]),
                    ));
                }
            }
            Relation::Dependant => {
                if !member.supporting_document {
                    failed.push(reason(
                        "visa.family",
                        "visa.reason.dependant_document",
                        values([who.clone()]),
                    ));
                }
            }
        }
        if member.visa_end > request.visa_end {
            failed.push(reason(
                "visa.family.not_beyond_employee",
                "visa.reason.family_beyond_employee",
                values([who.clone(), ("latest_end", request.visa_end.to_string())]),
            ));
        }
        check_passport(data, &member.person, member.visa_end, n, as_of, &mut failed);
        check_names(&member.person, n, &mut failed);
        check_identity(category, &member.person, n, as_of, &mut failed);
    }

    passed.extend(failed.into_iter().map(Reason::unmet));
    let decision = Decision::new(InvitationOutcome::CanFile, passed);
    let outcome = if decision.refused() {
        InvitationOutcome::CannotFile
    } else {
        InvitationOutcome::CanFile
    };
    Ok(Decision {
        outcome,
        ..decision
    })
}

#[cfg(test)]
mod tests {
    use super::capital;

    /// Every letter of the blocks [`capital`] covers has the capital the Unicode case table
    /// gives it, where that is one letter of the same blocks.
    #[test]
    fn capitals_agree_with_unicode_in_the_covered_blocks() {
        let covered = |c: char| matches!(u32::from(c), 0..=0x17F | 0x400..=0x4FF);
        let mut checked = 0;
        for c in (0..=0x17F).chain(0x400..=0x4FF).filter_map(char::from_u32) {
            let mut upper = c.to_uppercase();
            if let (Some(u), None) = (upper.next(), upper.next())
                && covered(u)
            {
                assert_eq!(capital(c), u, "{c} (U+{:04X})", u32::from(c));
                checked += 1;
            }
        }
        assert!(checked > 600, "only {checked} letters checked");
    }
}
