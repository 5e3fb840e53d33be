//! How people are reached (`src/domain/contact.rs`): the email and phone shapes the forms, the
//! mock and the service all check. Format rules of the portal, as tables.
use astana_hub_portal::domain::contact::{email_shaped, kazakh_phone, normalise_email};
use proptest::prelude::*;

#[test]
fn email_shape_table() {
    for (email, shaped, why) in [
        ("name@example.kz", true, "plain"),
        (
            "  Name.Surname@Example.KZ ",
            true,
            "spaces around and capitals",
        ),
        ("a@b.c", true, "shortest"),
        ("name@example", false, "no dot in the domain"),
        ("@example.kz", false, "no local part"),
        ("name@.kz", false, "domain starts with a dot"),
        ("name@example.", false, "domain ends with a dot"),
        ("na me@example.kz", false, "space inside"),
        ("name@ex@ample.kz", false, "two @"),
        ("name.example.kz", false, "no @"),
        ("", false, "empty"),
    ] {
        assert_eq!(email_shaped(email), shaped, "{why}: {email:?}");
    }
    assert_eq!(normalise_email(" Name@Example.KZ "), "name@example.kz");
}

#[test]
fn kazakh_phone_table() {
    for (phone, ok, why) in [
        ("+7 701 234 56 78", true, "international, mobile"),
        (
            "8 (701) 234-56-78",
            true,
            "national with brackets and dashes",
        ),
        ("+77012345678", true, "no grouping"),
        ("8 7172 55 00 00", true, "Astana landline"),
        (
            "+7 495 123 45 67",
            false,
            "a Russian number: after +7 comes 7 in Kazakhstan",
        ),
        ("7 701 234 56 78", false, "neither +7 nor 8"),
        ("+7 701 234 56 7", false, "a digit short"),
        ("+7 701 234 56 789", false, "a digit too many"),
        ("+7 701 234 56 78 ext 2", false, "letters"),
        ("7+7012345678", false, "a plus inside"),
        ("", false, "empty"),
    ] {
        assert_eq!(kazakh_phone(phone), ok, "{why}: {phone:?}");
    }
}

proptest! {
    #[test]
    fn checks_never_panic_on_any_text(s in "\\PC*") {
        let _ = email_shaped(&s);
        let _ = kazakh_phone(&s);
        let _ = normalise_email(&s);
    }
}
