//! How people are reached: the email and phone number shapes that every form, the mock and the
//! service check the same way. Format rules of the portal: the real check is the message that
//! arrives.

/// Something like `name@domain.tld`: one @, a dot inside the domain, no spaces.
pub fn email_shaped(email: &str) -> bool {
    let email = email.trim();
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

/// Compared without surrounding spaces and case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A Kazakh number: +7 or 8, then 10 digits starting with 7 (mobile 70x–77x, landlines 7xx),
/// written with any spaces, dashes or brackets.
pub fn kazakh_phone(value: &str) -> bool {
    let v = value.trim();
    if v.chars()
        .any(|c| !(c.is_ascii_digit() || " -()+".contains(c)))
        || v.get(1..).unwrap_or("").contains('+')
    {
        return false;
    }
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    let national = match (v.starts_with('+'), digits.len()) {
        (true, 11) => digits.strip_prefix('7'),
        (false, 11) => digits.strip_prefix('8'),
        _ => None,
    };
    national.is_some_and(|n| n.starts_with('7'))
}
