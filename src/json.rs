//! A small JSON reader and writer for what the portal reads and keeps itself: the two files
//! every visit reads before anything else, `config.json` (`backend::Config::parse`) and a
//! language's texts (`i18n::file::parse`); the rules' data files (`domain::params::parse`,
//! each type read by its [`FromJson`]); and the drafts kept in the browser. The service's
//! answers and the receipts use serde_json. Here, the first two keep serde_json out of the
//! first load (about 17 KB compressed), and the data files and drafts need no serde code of
//! their own on a journey's first page. It reads standard JSON (RFC 8259) into plain values
//! and says where it stopped when the text is not JSON; it writes values as serde_json writes
//! them.

use std::collections::BTreeMap;
use std::fmt;

/// A JSON value. An object keeps its members in order, duplicates included: the reader of a
/// file decides what a repeated name means. A number keeps its text as written (checked against
/// JSON's grammar): the reader of a setting parses it as the type it needs, and the first load
/// does without a general float parser.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What a value is, for messages: "a string", "an object", …
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The value as JSON text, with no spaces: what only the portal reads back.
    pub fn write(&self) -> String {
        let mut out = String::new();
        self.write_into(&mut out, None);
        out
    }

    /// The value as JSON text with each member and item on a line of its own, indented by
    /// two spaces: a file a person may open.
    pub fn write_pretty(&self) -> String {
        let mut out = String::new();
        self.write_into(&mut out, Some(0));
        out
    }

    /// Writes the value at nesting `depth` (`None`: compact).
    fn write_into(&self, out: &mut String, depth: Option<usize>) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) => write_list(out, depth, ('[', ']'), items, |out, item, d| {
                item.write_into(out, d)
            }),
            Json::Object(members) => {
                write_list(out, depth, ('{', '}'), members, |out, (name, value), d| {
                    write_string(out, name);
                    out.push_str(if d.is_some() { ": " } else { ":" });
                    value.write_into(out, d);
                })
            }
        }
    }
}

/// Writes `items` between `brackets`, separated by commas, each on a line of its own when
/// `depth` is given; an empty list stays on one line.
fn write_list<T>(
    out: &mut String,
    depth: Option<usize>,
    (open, close): (char, char),
    items: &[T],
    mut write: impl FnMut(&mut String, &T, Option<usize>),
) {
    let indent = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    out.push(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(d) = depth {
            indent(out, d + 1);
        }
        write(out, item, depth.map(|d| d + 1));
    }
    if let (Some(d), false) = (depth, items.is_empty()) {
        indent(out, d);
    }
    out.push(close);
}

/// Writes `s` in quotes, escaping what JSON requires and nothing else.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Arrays and objects nested deeper than this are refused, so no input can exhaust the stack.
const MAX_DEPTH: usize = 64;

/// The value `text` holds, or what is wrong and where ("expected `:` at line 2, column 7").
pub fn parse(text: &str) -> Result<Json, String> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    /// A byte offset into `text`, always at a character boundary.
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> String {
        let before = &self.text[..self.at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        format!("{what} at line {line}, column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", byte as char)))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end")),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// Reads `[ … ]` or `{ … }`'s members, each by `member`, separated by commas.
    fn members(
        &mut self,
        close: u8,
        mut member: impl FnMut(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        self.at += 1; // the opening bracket
        self.skip_space();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            member(self)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b) if b == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error(&format!("expected `,` or `{}`", close as char))),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        let mut items = Vec::new();
        self.members(b']', |r| {
            items.push(r.value(depth + 1)?);
            Ok(())
        })?;
        Ok(Json::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        let mut members = Vec::new();
        self.members(b'}', |r| {
            r.skip_space();
            if r.peek() != Some(b'"') {
                return Err(r.error("expected a name in quotes"));
            }
            let name = r.string()?;
            r.expect(b':')?;
            members.push((name, r.value(depth + 1)?));
            Ok(())
        })?;
        Ok(Json::Object(members))
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        if !digits(self) || (self.text.as_bytes()[int_start] == b'0' && self.at - int_start > 1) {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        Ok(Json::Number(self.text[start..self.at].to_owned()))
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            // Copies the run of plain characters up to the next quote, backslash or control.
            let plain = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .unwrap_or(rest.len());
            out.push_str(&rest[..plain]);
            self.at += plain;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, String> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode_escape();
            }
            _ => return Err(self.error("invalid escape")),
        };
        self.at += 1;
        Ok(c)
    }

    /// `XXXX` after `\u`, with the low half that must follow a high surrogate.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if !self.text[self.at..].starts_with("\\u") {
                return Err(self.error("lone surrogate in a string"));
            }
            self.at += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.error("lone surrogate in a string"));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.error("lone surrogate in a string"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid escape"))?;
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))
    }
}

/// A type read from a JSON value, as the rules' data files are. An object's members beyond
/// those a type reads are ignored ([`Members`]).
pub trait FromJson: Sized {
    fn from_json(value: &Json) -> Result<Self, ReadError>;
}

/// A `T` from JSON text, or what is wrong: the text is not JSON, or not a `T`.
pub fn read<T: FromJson>(text: &str) -> Result<T, String> {
    T::from_json(&parse(text)?).map_err(|e| e.to_string())
}

/// What is wrong with a value read by [`FromJson`], and where in it:
/// "schedule[2].rate: expected a whole number from 0 to 4294967295, not 1.5".
#[derive(Debug)]
pub struct ReadError {
    /// The steps from the value read to the one at fault, each `.name` or `[index]`.
    path: String,
    problem: String,
}

impl ReadError {
    pub fn new(problem: impl Into<String>) -> ReadError {
        ReadError {
            path: String::new(),
            problem: problem.into(),
        }
    }

    /// This error, met at `step` (`.name` or `[index]`) of the value being read.
    fn at(mut self, step: &str) -> ReadError {
        self.path.insert_str(0, step);
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.strip_prefix('.').unwrap_or(&self.path) {
            "" => f.write_str(&self.problem),
            path => write!(f, "{path}: {}", self.problem),
        }
    }
}

/// A value of the wrong kind: "expected a string, not a number".
pub fn expected(what: &str, value: &Json) -> ReadError {
    ReadError::new(format!("expected {what}, not {}", value.kind()))
}

/// The value a string names, as an enum's variants are written (`"total_income"`).
pub fn one_of<T: Copy>(value: &Json, names: &[(&str, T)]) -> Result<T, ReadError> {
    let Json::String(text) = value else {
        return Err(expected("a string", value));
    };
    match names.iter().find(|(name, _)| name == text) {
        Some((_, found)) => Ok(*found),
        None => {
            let names: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
            Err(ReadError::new(format!(
                "expected one of {}, not \"{text}\"",
                names.join(", ")
            )))
        }
    }
}

/// An object's members, read by name into a struct's fields. Members no field asks for are
/// ignored; a name given twice is refused.
pub struct Members<'a>(&'a [(String, Json)]);

impl<'a> Members<'a> {
    pub fn of(value: &'a Json) -> Result<Members<'a>, ReadError> {
        match value {
            Json::Object(members) => Ok(Members(members)),
            _ => Err(expected("an object", value)),
        }
    }

    /// The member `name`, which must be there.
    pub fn required<T: FromJson>(&self, name: &str) -> Result<T, ReadError> {
        self.read(name)?
            .ok_or_else(|| ReadError::new("missing").at(&format!(".{name}")))
    }

    /// The member `name`; missing or null is `None`.
    pub fn optional<T: FromJson>(&self, name: &str) -> Result<Option<T>, ReadError> {
        self.or_default(name)
    }

    /// The member `name`, or `T`'s default when it is missing.
    pub fn or_default<T: FromJson + Default>(&self, name: &str) -> Result<T, ReadError> {
        Ok(self.read(name)?.unwrap_or_default())
    }

    fn read<T: FromJson>(&self, name: &str) -> Result<Option<T>, ReadError> {
        let mut found = self.0.iter().filter(|(n, _)| n == name);
        let at = |error: ReadError| error.at(&format!(".{name}"));
        match (found.next(), found.next()) {
            (None, _) => Ok(None),
            (Some((_, value)), None) => T::from_json(value).map(Some).map_err(at),
            (Some(_), Some(_)) => Err(at(ReadError::new("given twice"))),
        }
    }
}

impl FromJson for String {
    fn from_json(value: &Json) -> Result<String, ReadError> {
        match value {
            Json::String(text) => Ok(text.clone()),
            _ => Err(expected("a string", value)),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: &Json) -> Result<bool, ReadError> {
        match value {
            Json::Bool(b) => Ok(*b),
            _ => Err(expected("true or false", value)),
        }
    }
}

/// Whole numbers, written without a fraction or an exponent, within the type's range.
macro_rules! whole_numbers {
    ($($int:ty),*) => {$(
        impl FromJson for $int {
            fn from_json(value: &Json) -> Result<$int, ReadError> {
                let Json::Number(text) = value else {
                    return Err(expected("a whole number", value));
                };
                text.parse().map_err(|_| {
                    ReadError::new(format!(
                        "expected a whole number from {} to {}, not {text}",
                        <$int>::MIN,
                        <$int>::MAX
                    ))
                })
            }
        }
    )*};
}

whole_numbers!(u32, u64, usize, i32, i64);

/// Null is `None`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Json) -> Result<Option<T>, ReadError> {
        match value {
            Json::Null => Ok(None),
            _ => T::from_json(value).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json) -> Result<Vec<T>, ReadError> {
        let Json::Array(items) = value else {
            return Err(expected("an array", value));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::from_json(item).map_err(|e| e.at(&format!("[{i}]"))))
            .collect()
    }
}

/// An object read as a map: each member's name read as a key, as if it were a JSON string (a
/// date is written "2025-01-01"). A name given twice keeps its last value.
impl<K: FromJson + Ord, T: FromJson> FromJson for BTreeMap<K, T> {
    fn from_json(value: &Json) -> Result<BTreeMap<K, T>, ReadError> {
        let Json::Object(members) = value else {
            return Err(expected("an object", value));
        };
        let mut map = BTreeMap::new();
        for (name, item) in members {
            let at = |error: ReadError| error.at(&format!(".{name}"));
            let key = K::from_json(&Json::String(name.clone())).map_err(at)?;
            map.insert(key, T::from_json(item).map_err(at)?);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::fmt::Debug;

    /// Reads each text as `T`: the value expected, or the error's text.
    fn reads<T: FromJson + PartialEq + Debug>(cases: &[(&str, Result<T, &str>)]) {
        for (text, expected) in cases {
            let value = parse(text).expect("test input is JSON");
            let read = T::from_json(&value).map_err(|e| e.to_string());
            assert_eq!(
                read.as_ref().map_err(String::as_str),
                expected.as_ref().map_err(|e| *e),
                "{text}"
            );
        }
    }

    #[test]
    fn reads_strings_and_booleans() {
        reads::<String>(&[
            (r#""Law No. 207-V""#, Ok("Law No. 207-V".into())),
            ("1", Err("expected a string, not a number")),
            ("null", Err("expected a string, not null")),
        ]);
        reads::<bool>(&[
            ("true", Ok(true)),
            ("false", Ok(false)),
            (r#""true""#, Err("expected true or false, not a string")),
        ]);
    }

    #[test]
    fn reads_whole_numbers_within_their_type() {
        reads::<u32>(&[
            ("0", Ok(0)),
            ("4294967295", Ok(u32::MAX)),
            (
                "4294967296",
                Err("expected a whole number from 0 to 4294967295, not 4294967296"),
            ),
            (
                "-1",
                Err("expected a whole number from 0 to 4294967295, not -1"),
            ),
            (
                "1.5",
                Err("expected a whole number from 0 to 4294967295, not 1.5"),
            ),
            (
                "1e3",
                Err("expected a whole number from 0 to 4294967295, not 1e3"),
            ),
            (r#""1""#, Err("expected a whole number, not a string")),
        ]);
        reads::<u64>(&[
            ("18446744073709551615", Ok(u64::MAX)),
            (
                "-1",
                Err("expected a whole number from 0 to 18446744073709551615, not -1"),
            ),
        ]);
        reads::<i32>(&[
            ("-2147483648", Ok(i32::MIN)),
            (
                "2147483648",
                Err("expected a whole number from -2147483648 to 2147483647, not 2147483648"),
            ),
        ]);
        reads::<i64>(&[
            ("-30", Ok(-30)),
            (
                "9223372036854775808",
                Err(
                    "expected a whole number from -9223372036854775808 to 9223372036854775807, not 9223372036854775808",
                ),
            ),
        ]);
    }

    #[test]
    fn reads_dates_as_written() {
        reads::<NaiveDate>(&[
            (
                r#""2025-01-01""#,
                Ok(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()),
            ),
            (
                r#""2025-02-29""#,
                Err(r#"expected a date written YYYY-MM-DD, not "2025-02-29""#),
            ),
            (
                r#""1 January 2025""#,
                Err(r#"expected a date written YYYY-MM-DD, not "1 January 2025""#),
            ),
            (
                "20250101",
                Err("expected a date written YYYY-MM-DD, not a number"),
            ),
        ]);
    }

    #[test]
    fn reads_options_lists_and_maps_with_the_place_of_a_fault() {
        reads::<Option<u32>>(&[("null", Ok(None)), ("3", Ok(Some(3)))]);
        reads::<Vec<u32>>(&[
            ("[]", Ok(vec![])),
            ("[1, 2]", Ok(vec![1, 2])),
            (
                r#"[1, "2"]"#,
                Err("[1]: expected a whole number, not a string"),
            ),
            ("{}", Err("expected an array, not an object")),
        ]);
        let day = |d| NaiveDate::from_ymd_opt(2025, 1, d).unwrap();
        reads::<BTreeMap<NaiveDate, u32>>(&[
            (
                r#"{"2025-01-02": 2, "2025-01-01": 1}"#,
                Ok(BTreeMap::from([(day(1), 1), (day(2), 2)])),
            ),
            (
                r#"{"2025-13-01": 1}"#,
                Err(r#"2025-13-01: expected a date written YYYY-MM-DD, not "2025-13-01""#),
            ),
            (
                r#"{"2025-01-01": true}"#,
                Err("2025-01-01: expected a whole number, not a boolean"),
            ),
            ("[]", Err("expected an object, not an array")),
        ]);
    }

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Base {
        TotalIncome,
        PriorityIncome,
    }

    impl FromJson for Base {
        fn from_json(value: &Json) -> Result<Base, ReadError> {
            one_of(
                value,
                &[
                    ("total_income", Base::TotalIncome),
                    ("priority_income", Base::PriorityIncome),
                ],
            )
        }
    }

    #[test]
    fn reads_an_enum_by_its_name() {
        reads::<Base>(&[
            (r#""total_income""#, Ok(Base::TotalIncome)),
            (r#""priority_income""#, Ok(Base::PriorityIncome)),
            (
                r#""TotalIncome""#,
                Err(r#"expected one of total_income, priority_income, not "TotalIncome""#),
            ),
            ("0", Err("expected a string, not a number")),
        ]);
    }

    /// A struct with a required, an optional and a defaulted member.
    #[derive(Debug, PartialEq)]
    struct Rate {
        label: String,
        cap: Option<u32>,
        years: Vec<i32>,
    }

    impl FromJson for Rate {
        fn from_json(value: &Json) -> Result<Rate, ReadError> {
            let members = Members::of(value)?;
            Ok(Rate {
                label: members.required("label")?,
                cap: members.optional("cap")?,
                years: members.or_default("years")?,
            })
        }
    }

    #[derive(Debug, PartialEq)]
    struct Schedule {
        schedule: Vec<Rate>,
    }

    impl FromJson for Schedule {
        fn from_json(value: &Json) -> Result<Schedule, ReadError> {
            Ok(Schedule {
                schedule: Members::of(value)?.required("schedule")?,
            })
        }
    }

    #[test]
    fn reads_an_object_by_its_members() {
        let rate = |cap, years: &[i32]| Rate {
            label: "r".into(),
            cap,
            years: years.to_vec(),
        };
        reads::<Rate>(&[
            (
                r#"{"label": "r", "cap": 2, "years": [2025]}"#,
                Ok(rate(Some(2), &[2025])),
            ),
            // Missing optional member: none; missing defaulted member: its default.
            (r#"{"label": "r"}"#, Ok(rate(None, &[]))),
            (r#"{"label": "r", "cap": null}"#, Ok(rate(None, &[]))),
            // Unknown members are ignored.
            (r#"{"label": "r", "note": [1, {}]}"#, Ok(rate(None, &[]))),
            (r#"{"cap": 2}"#, Err("label: missing")),
            (r#"{"label": "r", "label": "s"}"#, Err("label: given twice")),
            (
                r#"{"label": "r", "years": null}"#,
                Err("years: expected an array, not null"),
            ),
            (
                r#"{"label": "r", "cap": "2"}"#,
                Err("cap: expected a whole number, not a string"),
            ),
            (r#"["label"]"#, Err("expected an object, not an array")),
        ]);
    }

    #[test]
    fn an_error_names_the_path_to_its_fault() {
        reads::<Schedule>(&[
            (
                r#"{"schedule": [{"label": "a"}, {"label": "b"}, {"label": "c", "cap": 1.5}]}"#,
                Err("schedule[2].cap: expected a whole number from 0 to 4294967295, not 1.5"),
            ),
            (
                r#"{"schedule": [{"label": "a", "years": [2025, -1, "x"]}]}"#,
                Err("schedule[0].years[2]: expected a whole number, not a string"),
            ),
            (r#"{"schedule": [{}]}"#, Err("schedule[0].label: missing")),
        ]);
    }
}
