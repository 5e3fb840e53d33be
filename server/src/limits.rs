//! The size of a request and of its idempotency key. The limits of each field (texts and lists)
//! are the contract's, checked with the rest of a body's fields by its type's `check`
//! (`astana_hub_portal::api::limits`).

/// The largest request body, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// The shortest and the longest idempotency key (`public/openapi.yaml`): long enough to be
/// unique when made at random.
pub const MIN_KEY: usize = 16;
pub const MAX_KEY: usize = 64;

/// An idempotency key: [`MIN_KEY`] to [`MAX_KEY`] visible ASCII characters.
pub fn key_is_acceptable(key: &str) -> bool {
    (MIN_KEY..=MAX_KEY).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_visible_ascii_of_bounded_length() {
        assert!(key_is_acceptable("0f3a9c0f3a9c0f3a"));
        assert!(!key_is_acceptable("0f3a9c0f3a9c0f3"));
        assert!(!key_is_acceptable("with space 0f3a9c0f3a9c"));
        assert!(!key_is_acceptable(&"k".repeat(MAX_KEY + 1)));
    }
}
